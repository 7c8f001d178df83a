// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace cg::exporters {

/// A script or style sheet compiled into the binary from export/web/, with the SHA-256 of
/// its exact text (hex) for the page's Content-Security-Policy.
struct WebAsset {
    std::string_view text;
    std::string_view sha256Hex;
};

/// graphology's UMD build (global `graphology`), as published on npm (export/web/).
extern const WebAsset kGraphologyScript;
/// sigma.js's UMD build (global `Sigma`), as published on npm (export/web/).
extern const WebAsset kSigmaScript;
/// The view's own script (export/web/view.js).
extern const WebAsset kViewScript;
/// The view's style sheet (export/web/view.css).
extern const WebAsset kViewStyle;
/// The licences of the embedded libraries, as plain text.
extern const std::string_view kWebLicences;

}  // namespace cg::exporters
