#include "render/page_compressor.h"

#include <algorithm>

#include "model/limits.h"
#include "render/flate.h"

namespace lerbrief::render {

PageCompressor::PageCompressor(HpdfDoc& doc, PageSpool& spool) : doc_(doc), spool_(spool) {
    thread_ = std::thread([this] { run(); });
}

PageCompressor::~PageCompressor() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void PageCompressor::run() noexcept {
    std::unique_lock lock(mutex_);
    for (;;) {
        changed_.wait(lock, [this] {
            if (stop_) return true;
            if (held_) return false;
            for (const Job& j : jobs_)
                if (!j.done) return true;
            return false;
        });
        if (stop_) return;
        Job* job = nullptr;
        for (Job& j : jobs_)
            if (!j.done) {
                job = &j;  // a deque's elements stay where they are while others are added or taken at the ends
                break;
            }
        const HPDF_Stream stream = job->stream;
        lock.unlock();
        std::string z;
        std::exception_ptr error;
        try {
            z = deflate_page_stream(stream);
        } catch (...) {
            error = std::current_exception();
        }
        lock.lock();
        job->z = std::move(z);
        job->error = error;
        job->done = true;
        changed_.notify_all();
    }
}

void PageCompressor::attach_front(bool wait) {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            if (wait) changed_.wait(lock, [this] { return jobs_.empty() || jobs_.front().done; });
            if (jobs_.empty() || !jobs_.front().done) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        if (job.error) std::rethrow_exception(job.error);
        attach_deflated(doc_, job.page, spool_, job.stream, job.z);
        wait = false;
    }
}

void PageCompressor::add(HPDF_Page page) {
    const HPDF_Stream stream = page_stream_to_deflate(page);
    attach_front(false);
    if (!stream) return;
    bool full;
    {
        std::lock_guard lock(mutex_);
        full = jobs_.size() >= limits::kMaxPagesWaitingToCompress;
    }
    if (full) attach_front(true);
    {
        std::lock_guard lock(mutex_);
        jobs_.push_back(Job{page, stream, false, {}, nullptr});
        most_waiting_ = std::max(most_waiting_, jobs_.size());
    }
    changed_.notify_all();
}

void PageCompressor::hold(bool held) {
    {
        std::lock_guard lock(mutex_);
        held_ = held;
    }
    changed_.notify_all();
}

void PageCompressor::finish() {
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (jobs_.empty()) return;
        }
        attach_front(true);
    }
}

}  // namespace lerbrief::render
