// SPDX-License-Identifier: MIT
#include "ingest/ingest.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <streambuf>

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
#include "ingest/text_encoding.hpp"

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
            throw InputError(
                "the csv format needs a mapping file saying what its columns mean: give "
                "--mapping FILE (see docs/formats.md)");
        }
        return std::make_unique<CsvReader>(schema, CsvMapping::fromFile(mapping, schema));
    }
    throw InputError("unknown format '" + format + "' (expected " + formatList() + ")");
}

namespace {

// The first bytes of `in`, which decide its encoding and format.
std::string readHead(std::istream& in) {
    std::string head(kDetectionBytes, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

// The format of a file whose first bytes are `head`, named `name`: the content decides, the
// name only when the content cannot (an empty file).
std::string formatOfHead(const std::string& head, const std::string& name) {
    if (std::string format = formatOfContent(head); !format.empty()) return format;
    std::filesystem::path p(name);
    if (head.find_first_not_of(" \t\r\n") != std::string::npos && p.extension() == ".csv") {
        throw RefusedFile(name +
                          ": a CSV file that is not one of ICIJ's: give --mapping FILE to say "
                          "what its columns mean (docs/formats.md)");
    }
    std::string ext = p.extension().string();
    std::string file = p.filename().string();
    if (file.find(".claims.") != std::string::npos || ext == ".jsonl" || ext == ".ndjson") {
        return "claims";
    }
    throw RefusedFile(
        name + ": cannot tell the format from the content or the file name; give --format (" +
        formatList() + ")");
}

// Standard input read again from its start: the bytes taken to tell its encoding and format
// first, then the rest as it comes (a pipe cannot be rewound).
class ReplayedInput : public std::streambuf {
  public:
    ReplayedInput(std::string head, std::streambuf& rest) : head_(std::move(head)), rest_(rest) {
        setg(head_.data(), head_.data(), head_.data() + head_.size());
    }

  protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        std::streamsize n =
            rest_.sgetn(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        if (n <= 0) return traits_type::eof();
        setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
        return traits_type::to_int_type(*gptr());
    }

  private:
    std::string head_;
    std::streambuf& rest_;
    std::array<char, 1 << 16> buffer_{};
};

// Refuses, before anything is stored, a stream whose first bytes say it is not UTF-8.
void refuseForeignEncoding(const std::string& head, bool cut, const std::string& shown) {
    if (auto encoding = foreignEncoding(head, cut))
        throw RefusedFile(encodingRefusal(shown, *encoding));
}

// Reads `in` (whose first bytes are `head`) into the store, recorded as `recorded`.
IngestSummary ingestStream(Applier& applier, const graph::Schema& schema, std::istream& in,
                           const std::string& head, const std::string& name,
                           const std::string& recorded, std::uint64_t total,
                           const IngestOptions& options) {
    // A mapping file only means something to the csv format.
    std::string format = options.format;
    if (format == "auto") format = options.mapping.empty() ? formatOfHead(head, name) : "csv";
    auto reader = makeReader(format, schema, options.mapping);
    if (options.progress) {
        applier.onProgress = [&](std::uint64_t bytes) { options.progress(bytes, total); };
    }
    applier.beginFile(recorded, format);
    readPipelined([&](RecordSink& sink) { reader->read(in, recorded, sink); }, applier,
                  options.pipelined);
    IngestSummary summary = applier.endFile();
    applier.onProgress = nullptr;
    summary.file = graph::shownFilePath(summary.file);
    for (auto& r : summary.firstRejections) r.file = graph::shownFilePath(r.file);
    if (head.empty()) {
        summary.warnings.push_back(summary.file + ": file is empty, nothing to ingest");
    } else if (summary.sources + summary.accepted + summary.duplicates + summary.rejected == 0) {
        // Bytes but not one record, source or rejection: read in the wrong format, most likely.
        summary.nothingRead = true;
        std::string read = total ? cat("its ", total, " bytes") : std::string("it");
        summary.warnings.push_back(cat(summary.file, ": nothing was read from ", read,
                                       " (no record, no source, no rejection): is it ", format,
                                       "?"));
    }
    return summary;
}

}  // namespace

std::string detectFormat(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return formatOfHead(in ? readHead(in) : std::string(), path);
}

IngestSummary ingestFile(graph::Store& store, const graph::Schema& schema, const std::string& path,
                         const IngestOptions& options) {
    Applier applier(store, schema, options.batchSize, options.allowBulk);
    return ingestFile(applier, schema, path, options);
}

IngestSummary ingestFile(Applier& applier, const graph::Schema& schema, const std::string& path,
                         const IngestOptions& options) {
    if (path == "-") return ingestStandardInput(applier, schema, std::cin, options);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw RefusedFile(path + ": is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw RefusedFile(path + ": cannot open: " + std::strerror(errno));
    std::uint64_t total = std::filesystem::file_size(path, ec);
    if (ec) total = 0;
    // Claims and rejections name the file as the store records it, whatever the spelling
    // given here, so a second ingest of it is recognised; messages show it as every output
    // does, without the folders above the database.
    std::string recorded = graph::recordedFilePath(applier.storePath(), path);
    std::string head = readHead(in);
    refuseForeignEncoding(head, total > head.size(), graph::shownFilePath(recorded));
    in.clear();
    in.seekg(0);
    if (!in) throw RefusedFile(path + ": cannot read it again from its start");
    return ingestStream(applier, schema, in, head, path, recorded, total, options);
}

IngestSummary ingestStandardInput(Applier& applier, const graph::Schema& schema, std::istream& in,
                                  const IngestOptions& options) {
    std::string head = readHead(in);
    bool cut = head.size() == kDetectionBytes;
    const std::string& name = options.name.empty() ? std::string("-") : options.name;
    refuseForeignEncoding(head, cut, name == "-" ? name : graph::shownFilePath(name));
    in.clear();
    ReplayedInput replayed(head, *in.rdbuf());
    std::istream again(&replayed);
    // A name is a label, not a path: it is recorded as given, so that reading the same data
    // again under the same name finds its claims and rejections.
    return ingestStream(applier, schema, again, head, name, name, 0, options);
}

}  // namespace cg::ingest
