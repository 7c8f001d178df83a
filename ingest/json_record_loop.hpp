// SPDX-License-Identifier: MIT
// Internal to the JSON readers (FtM, BODS, PSC): the loop every one of them runs over a
// stream of JSON records.
#pragma once

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cstdint>
#include <istream>
#include <string>

#include "graph/error.hpp"
#include "graph/utf8.hpp"
#include "ingest/json_document.hpp"
#include "ingest/json_records.hpp"
#include "ingest/reader.hpp"
#include "ingest/record_emitter.hpp"

namespace cg::ingest {

/// Passes everything on to `sink`, naming the array element in each rejection's reason
/// ("element 3: ..."), so that a record of a JSON array is found by its place as well as by
/// its line.
class ElementSink : public RecordSink {
  public:
    explicit ElementSink(RecordSink& sink) : sink_(sink) {}
    void setElement(std::int64_t element) { element_ = element; }
    void source(graph::Source&& source, const std::string& file, std::int64_t line) override {
        sink_.source(std::move(source), file, line);
    }
    void claim(graph::Claim&& claim) override { sink_.claim(std::move(claim)); }
    void reject(graph::Rejection&& rejection) override {
        if (element_ > 0) rejection.reason = cat("element ", element_, ": ", rejection.reason);
        sink_.reject(std::move(rejection));
    }
    void progress(std::uint64_t bytes) override { sink_.progress(bytes); }

  private:
    RecordSink& sink_;
    std::int64_t element_ = 0;
};

/// Reads `in` record by record (JsonRecords: JSON Lines or a top-level array) and calls
/// `read(doc, record)` with each record parsed. A record that is cut, too long, too deeply
/// nested, not UTF-8, not one JSON value or holds a key twice in one object is rejected with the
/// line of the fault; a RecordRejected thrown by `read` rejects the record at its first line. The
/// rejections of an array's records name the element. Nothing stops the loop but the end of the
/// input. Reports progress every 1024 records; throws InputError when the stream fails.
template <typename Read>
void forEachJsonRecord(std::istream& in, const std::string& file, std::size_t maxRecord,
                       RecordSink& output, Read&& read) {
    JsonRecords records(in, maxRecord);
    JsonRecord record;
    ElementSink sink(output);
    std::int64_t count = 0;
    while (records.next(record)) {
        sink.setElement(record.element);
        if ((++count & 1023) == 0) sink.progress(records.bytesRead());
        auto reject = [&](const std::string& reason, std::int64_t line) {
            sink.reject(graph::Rejection{file, line, reason, record.text});
        };
        if (!record.error.empty()) {
            reject(record.error, record.line);
            continue;
        }
        if (!graph::isValidUtf8(record.text)) {
            reject("invalid UTF-8", record.line);
            continue;
        }
        rapidjson::Document doc;
        if (auto error = parseOneJsonValue(doc, record.text)) {
            reject(cat("invalid JSON: ", error->what),
                   lineAt(record.text, error->offset, record.line));
            continue;
        }
        if (auto key = duplicateKey(doc)) {
            reject(cat("duplicate key '", *key, "'"), record.line);
            continue;
        }
        try {
            read(doc, record, sink);
        } catch (const RecordRejected& r) {
            reject(r.reason, record.line);
        }
    }
    if (in.bad()) throw InputError(file + ": read error");
    sink.progress(records.bytesRead());
}

}  // namespace cg::ingest
