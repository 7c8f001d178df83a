// SPDX-License-Identifier: MIT
#include "ingest/ingest.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "graph/error.hpp"
#include "graph/file_path.hpp"
#include "ingest/bods_reader.hpp"
#include "ingest/claims_reader.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/format_detection.hpp"
#include "ingest/ftm_reader.hpp"
#include "ingest/icij_reader.hpp"
#include "ingest/pipeline.hpp"
#include "ingest/psc_reader.hpp"

namespace cg::ingest {

namespace {
// Enough for the first records of any format (FtM entities can be a few hundred KiB).
constexpr std::size_t kDetectionBytes = 1u << 20;
}  // namespace

std::string formatList() { return "auto, claims, ftm, bods, psc, icij, csv"; }

std::unique_ptr<Reader> makeReader(const std::string& format, const graph::Schema& schema,
                                   const std::string& mapping) {
    if (format == "claims") return std::make_unique<ClaimsReader>(schema);
    if (format == "ftm") return std::make_unique<FtmReader>(schema);
    if (format == "bods") return std::make_unique<BodsReader>(schema);
    if (format == "psc") return std::make_unique<PscReader>(schema);
    if (format == "icij") return std::make_unique<IcijReader>(schema);
    if (format == "csv") {
        if (mapping.empty()) {
            throw InputError("the csv format needs a mapping file saying what its columns mean: give "
                             "--mapping FILE (see docs/formats.md)");
        }
        return std::make_unique<CsvReader>(schema, CsvMapping::fromFile(mapping, schema));
    }
    throw InputError("unknown format '" + format + "' (expected " + formatList() + ")");
}

std::string detectFormat(const std::string& path) {
    // The content decides; the name only when the content cannot (an empty or absent file).
    std::ifstream in(path, std::ios::binary);
    if (in) {
        std::string head(kDetectionBytes, '\0');
        in.read(head.data(), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<std::size_t>(in.gcount()));
        if (std::string format = formatOfContent(head); !format.empty()) return format;
        if (head.find_first_not_of(" \t\r\n") != std::string::npos) {
            std::filesystem::path p(path);
            if (p.extension() == ".csv") {
                throw InputError(path + ": a CSV file that is not one of ICIJ's: give --mapping FILE to say "
                                 "what its columns mean (docs/formats.md)");
            }
        }
    }
    std::filesystem::path p(path);
    std::string ext = p.extension().string();
    std::string name = p.filename().string();
    if (name.find(".claims.") != std::string::npos || ext == ".jsonl" || ext == ".ndjson") {
        return "claims";
    }
    throw InputError(path + ": cannot tell the format from the content or the file name; give --format (" +
                     formatList() + ")");
}

IngestSummary ingestFile(graph::Store& store, const graph::Schema& schema, const std::string& path,
                         const IngestOptions& options) {
    Applier applier(store, schema, options.batchSize, options.allowBulk);
    return ingestFile(applier, schema, path, options);
}

IngestSummary ingestFile(Applier& applier, const graph::Schema& schema, const std::string& path,
                         const IngestOptions& options) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw InputError(path + ": is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path + ": cannot open: " + std::strerror(errno));
    std::uint64_t total = std::filesystem::file_size(path, ec);
    if (ec) total = 0;
    // A mapping file only means something to the csv format.
    std::string format = options.format;
    if (format == "auto") format = options.mapping.empty() ? detectFormat(path) : "csv";
    auto reader = makeReader(format, schema, options.mapping);
    if (options.progress) {
        applier.onProgress = [&](std::uint64_t bytes) { options.progress(bytes, total); };
    }
    // Claims and rejections name the file as the store records it, whatever the spelling
    // given here, so a second ingest of it is recognised; the summary shows it as every
    // output does, without the folders above the database.
    std::string recorded = graph::recordedFilePath(applier.storePath(), path);
    applier.beginFile(recorded, format);
    readPipelined([&](RecordSink& sink) { reader->read(in, recorded, sink); }, applier,
                  options.pipelined);
    IngestSummary summary = applier.endFile();
    applier.onProgress = nullptr;
    summary.file = graph::shownFilePath(summary.file);
    for (auto& r : summary.firstRejections) r.file = graph::shownFilePath(r.file);
    if (total == 0) {
        summary.warnings.push_back(summary.file + ": file is empty, nothing to ingest");
    } else if (summary.sources + summary.accepted + summary.duplicates + summary.rejected == 0) {
        // Bytes but not one record, source or rejection: read in the wrong format, most likely.
        summary.nothingRead = true;
        summary.warnings.push_back(cat(summary.file, ": nothing was read from its ", total,
                                       " bytes (no record, no source, no rejection): is it ",
                                       format, "?"));
    }
    return summary;
}

}  // namespace cg::ingest
