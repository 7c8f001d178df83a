// SPDX-License-Identifier: MIT
#include "export/writer.hpp"

#include "export/output_file.hpp"

namespace cg::exporters {

void writeFileWhole(const std::filesystem::path& path,
                    const std::function<void(std::ostream&)>& fill) {
    writeOutputFile(path, fill);
}

std::vector<std::filesystem::path> GraphWriter::writeTo(const ExportInput& input,
                                                        const std::filesystem::path& path) {
    writeFileWhole(path, [&](std::ostream& out) { write(input, out); });
    return {path};
}

}  // namespace cg::exporters
