// SPDX-License-Identifier: MIT
#include "export/writer.hpp"

#include <fstream>
#include <system_error>

#include "graph/error.hpp"

namespace cg::exporters {

void writeFileWhole(const std::filesystem::path& path,
                    const std::function<void(std::ostream&)>& fill) {
    std::filesystem::path partial = path;
    partial += ".partial";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        if (!out) throw InputError(path.string() + ": cannot create the file");
        try {
            fill(out);
            out.close();
            if (!out) throw InputError(path.string() + ": cannot write the file (disk full?)");
        } catch (...) {
            out.close();
            std::error_code ignored;
            std::filesystem::remove(partial, ignored);
            throw;
        }
    }
    std::error_code ec;
    std::filesystem::rename(partial, path, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        throw InputError(path.string() + ": cannot replace the file: " + ec.message());
    }
}

std::vector<std::filesystem::path> GraphWriter::writeTo(const ExportInput& input,
                                                        const std::filesystem::path& path) {
    writeFileWhole(path, [&](std::ostream& out) { write(input, out); });
    return {path};
}

}  // namespace cg::exporters
