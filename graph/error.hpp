// SPDX-License-Identifier: MIT
#pragma once

#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

namespace cg {

/// Base of every error claimgraph throws on purpose; the message names the location first.
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Input that cannot be read at all (a missing file, an unreadable schema, a bad argument).
class InputError : public Error {
  public:
    using Error::Error;
};

/// A query that cannot run: an unknown entity, kind or parameter.
class QueryError : public Error {
  public:
    using Error::Error;
};

/// The database cannot be opened, read or written.
class StorageError : public Error {
  public:
    using Error::Error;
};

/// Builds a message from streamable parts: `cat("file:", 3, ": bad")`.
template <typename... Parts>
std::string cat(Parts&&... parts) {
    std::ostringstream out;
    (out << ... << std::forward<Parts>(parts));
    return out.str();
}

}  // namespace cg
