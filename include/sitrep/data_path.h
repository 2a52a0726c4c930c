// Where lexicons and models live at run time.
#ifndef SITREP_DATA_PATH_H_
#define SITREP_DATA_PATH_H_

#include <string>
#include <string_view>

namespace sitrep {

// The data directory: $SITREP_DATA_DIR if set, else the repository's data/
// directory recorded at build time.
std::string DataDir();

// DataDir() + "/" + relative, e.g. DataPath("lexicons/hedges.tsv").
std::string DataPath(std::string_view relative);

}  // namespace sitrep

#endif  // SITREP_DATA_PATH_H_
