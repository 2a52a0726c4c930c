#include "cli/batch_annotator.h"

#include <algorithm>
#include <cstdlib>
#include <string>

namespace sitrep::cli {

BatchAnnotator::BatchAnnotator(const Pipeline& pipeline, AnnotateOptions options, int jobs)
    : pipeline_(pipeline), options_(std::move(options)) {
  for (int i = 0; i < std::max(1, jobs); ++i) threads_.emplace_back([this] { Work(); });
}

BatchAnnotator::~BatchAnnotator() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  work_cv_.notify_all();
  for (auto& t : threads_) t.join();
}

void BatchAnnotator::Start(std::vector<Document> batch, std::vector<bool> skip) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    batch_ = std::move(batch);
    skip_ = std::move(skip);
    skip_.resize(batch_.size(), false);
    next_ = 0;
    done_ = 0;
    status_ = Status::OK();
    in_flight_ = true;
  }
  work_cv_.notify_all();
}

std::vector<Document> BatchAnnotator::Wait(Status* status) {
  std::unique_lock<std::mutex> lock(mu_);
  done_cv_.wait(lock, [this] { return done_ == batch_.size(); });
  in_flight_ = false;
  *status = status_;
  std::vector<Document> out = std::move(batch_);
  batch_.clear();
  skip_.clear();
  return out;
}

void BatchAnnotator::Work() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    work_cv_.wait(lock, [this] { return stop_ || next_ < batch_.size(); });
    if (stop_) return;
    size_t i = next_++;
    Document* doc = &batch_[i];
    bool skip = skip_[i];
    lock.unlock();
    // Documents are independent: no lock while annotating. The vector is
    // not resized while a batch is in flight, so the pointer stays valid.
    Status s = skip ? Status::OK() : pipeline_.Annotate(doc, options_);
    lock.lock();
    if (!s.ok() && status_.ok()) status_ = s.WithPrefix(doc->origin);
    if (++done_ == batch_.size()) done_cv_.notify_all();
  }
}

int JobsFromFlag(const std::string& value) {
  int jobs = value.empty() ? 0 : std::atoi(value.c_str());
  if (jobs <= 0) jobs = static_cast<int>(std::thread::hardware_concurrency());
  return std::max(1, jobs);
}

}  // namespace sitrep::cli
