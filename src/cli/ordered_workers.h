// A bounded, order-keeping pool: items pushed by one thread are worked on by
// N threads and popped by one thread in the order they were pushed. At most
// `max_items` items (and `max_bytes` of their declared size) are in flight
// between Push and Pop, so a fast producer blocks instead of filling memory,
// and a slow consumer (the store writer) stalls the workers only once the
// window is full.
//
// Thread safety: Push/Close from one producer thread, Pop from one consumer
// thread (it may be the producer's, see Full), Cancel from any thread.
#ifndef SITREP_CLI_ORDERED_WORKERS_H_
#define SITREP_CLI_ORDERED_WORKERS_H_

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace sitrep::cli {

template <typename T>
class OrderedWorkers {
 public:
  // REQUIRES: jobs >= 1, max_items >= 1. `work` runs on the pool's threads,
  // one call per item, and must not touch other items.
  OrderedWorkers(int jobs, size_t max_items, size_t max_bytes, std::function<void(T*)> work)
      : max_items_(max_items), max_bytes_(max_bytes), work_(std::move(work)) {
    for (int i = 0; i < std::max(1, jobs); ++i) threads_.emplace_back([this] { Work(); });
  }
  // Items not started yet are dropped; items being worked on are finished.
  ~OrderedWorkers() {
    Cancel();
    for (auto& t : threads_) t.join();
  }
  OrderedWorkers(const OrderedWorkers&) = delete;
  OrderedWorkers& operator=(const OrderedWorkers&) = delete;

  // Adds an item of `bytes` (its share of the byte bound), blocking while
  // the window is full. One item is always admitted, however large. Returns
  // false (and drops the item) once Cancel was called.
  bool Push(T item, size_t bytes) {
    std::unique_lock<std::mutex> lock(mu_);
    room_cv_.wait(lock, [&] { return cancelled_ || HasRoom(bytes); });
    if (cancelled_) return false;
    slots_.push_back({std::move(item), bytes, false});
    bytes_ += bytes;
    work_cv_.notify_one();
    return true;
  }
  // Whether Push would block now (for a thread that both pushes and pops).
  bool Full(size_t bytes = 0) const {
    std::lock_guard<std::mutex> lock(mu_);
    return !HasRoom(bytes);
  }
  // No more items will be pushed: Pop returns false once the rest is popped.
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    done_cv_.notify_all();
  }
  // Waits for the oldest item and moves it to *out. Returns false when the
  // pool is closed and empty, or cancelled.
  bool Pop(T* out) {
    std::unique_lock<std::mutex> lock(mu_);
    done_cv_.wait(lock, [&] {
      return cancelled_ || (!slots_.empty() && slots_.front().done) || (closed_ && slots_.empty());
    });
    if (cancelled_ || slots_.empty()) return false;
    *out = std::move(slots_.front().item);
    bytes_ -= slots_.front().bytes;
    slots_.pop_front();
    --started_;
    room_cv_.notify_all();
    return true;
  }
  // Stops everything: blocked and later Push and Pop calls return false.
  void Cancel() {
    std::lock_guard<std::mutex> lock(mu_);
    cancelled_ = true;
    room_cv_.notify_all();
    work_cv_.notify_all();
    done_cv_.notify_all();
  }
  size_t in_flight() const {
    std::lock_guard<std::mutex> lock(mu_);
    return slots_.size();
  }

 private:
  struct Slot {
    T item;
    size_t bytes;
    bool done;
  };

  bool HasRoom(size_t bytes) const {
    if (slots_.empty()) return true;
    return slots_.size() < max_items_ && bytes_ + bytes <= max_bytes_;
  }

  void Work() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      work_cv_.wait(lock, [&] { return cancelled_ || started_ < slots_.size(); });
      if (cancelled_) return;
      // std::deque keeps references to its elements valid across
      // push_back, and a slot is not popped before it is done.
      Slot& slot = slots_[started_++];
      lock.unlock();
      work_(&slot.item);
      lock.lock();
      slot.done = true;
      if (&slot == &slots_.front()) done_cv_.notify_all();
    }
  }

  const size_t max_items_, max_bytes_;
  const std::function<void(T*)> work_;
  mutable std::mutex mu_;
  std::condition_variable room_cv_, work_cv_, done_cv_;
  std::deque<Slot> slots_;  // pushed, not popped; the first `started_` are taken
  size_t started_ = 0;
  size_t bytes_ = 0;
  bool closed_ = false, cancelled_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace sitrep::cli

#endif  // SITREP_CLI_ORDERED_WORKERS_H_
