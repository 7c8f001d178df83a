// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

#include "cli/context.hpp"
#include "cli/result_output.hpp"
#include "ingest/ingest.hpp"

namespace cg::cli {

/// Options of `claimgraph ingest`.
struct IngestArgs {
    std::vector<std::string> files;  ///< files, folders, "-" for standard input
    std::string name;                ///< what standard input is recorded as (default "-")
    std::string format = "auto";
    std::string mapping;  ///< mapping file for --format csv
    bool strict = false;
    std::size_t batchSize = 20000;
    bool noBulk = false;      ///< write row by row even into a store without claims
    bool noPipeline = false;  ///< parse and store on one thread
};

/// Options of `claimgraph rejections`.
struct RejectionsArgs {
    long limit = 0;       ///< at most this many rows (0: all)
    std::string file;     ///< only this file's (empty: every file's)
    bool clear = false;   ///< delete them instead of listing them
    ResultFormat format;  ///< --format table|json|jsonl|csv of the list
};

int runInit(Context& ctx);
int runIngest(Context& ctx, const IngestArgs& args);
int runStats(Context& ctx);
int runSources(Context& ctx, const ResultFormat& format);
int runEntities(Context& ctx, const std::string& type, const std::string& name, long limit,
                const ResultFormat& format);
int runShow(Context& ctx, const std::string& entity);
int runExplain(Context& ctx, const std::string& a, const std::string& b);
int runRejections(Context& ctx, const RejectionsArgs& args);

}  // namespace cg::cli
