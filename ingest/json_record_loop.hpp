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
#include "graph/normalize.hpp"
#include "ingest/json_document.hpp"
#include "ingest/json_records.hpp"
#include "ingest/reader.hpp"

namespace cg::ingest {

/// Reads `in` record by record (JsonRecords: JSON Lines or a top-level array) and calls
/// `read(doc, record)` with each record parsed. A record that is cut, too long, too deeply
/// nested, not UTF-8, not one JSON value or holds a key twice in one object is rejected with the
/// line of the fault; a `Reject` (any type with a `reason` string) thrown by `read` rejects the
/// record at its first line. Nothing stops the loop but the end of the input. Reports progress
/// every 1024 records; throws InputError when the stream fails.
template <typename Reject, typename Read>
void forEachJsonRecord(std::istream& in, const std::string& file, std::size_t maxRecord,
                       RecordSink& sink, Read&& read) {
    JsonRecords records(in, maxRecord);
    JsonRecord record;
    std::int64_t count = 0;
    while (records.next(record)) {
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
            read(doc, record);
        } catch (const Reject& r) {
            reject(r.reason, record.line);
        }
    }
    if (in.bad()) throw InputError(file + ": read error");
    sink.progress(records.bytesRead());
}

}  // namespace cg::ingest
