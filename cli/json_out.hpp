// SPDX-License-Identifier: MIT
#pragma once

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

namespace cg::cli {

/// A thin JSON writer for `--json` output: keys and values in one call, pretty-printed.
class JsonOut {
  public:
    JsonOut() : writer_(buffer_) { writer_.SetIndent(' ', 2); }

    JsonOut& beginObject(const char* key = nullptr) {
        k(key);
        writer_.StartObject();
        return *this;
    }
    JsonOut& endObject() {
        writer_.EndObject();
        return *this;
    }
    JsonOut& beginArray(const char* key = nullptr) {
        k(key);
        writer_.StartArray();
        return *this;
    }
    JsonOut& endArray() {
        writer_.EndArray();
        return *this;
    }
    JsonOut& field(const char* key, const std::string& v) {
        k(key);
        writer_.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
        return *this;
    }
    JsonOut& field(const char* key, const char* v) { return field(key, std::string(v)); }
    JsonOut& field(const char* key, std::int64_t v) {
        k(key);
        writer_.Int64(v);
        return *this;
    }
    JsonOut& field(const char* key, int v) {
        k(key);
        writer_.Int(v);
        return *this;
    }
    JsonOut& field(const char* key, double v) {
        k(key);
        writer_.Double(v);
        return *this;
    }
    JsonOut& field(const char* key, bool v) {
        k(key);
        writer_.Bool(v);
        return *this;
    }
    JsonOut& field(const char* key, std::optional<double> v) {
        k(key);
        if (v)
            writer_.Double(*v);
        else
            writer_.Null();
        return *this;
    }
    JsonOut& null(const char* key) {
        k(key);
        writer_.Null();
        return *this;
    }
    /// A text, or null when it is empty (a missing value is null, never "").
    JsonOut& textOrNull(const char* key, const std::string& v) {
        return v.empty() ? null(key) : field(key, v);
    }
    /// A JSON text already serialised (a claim's attributes); written as a value.
    JsonOut& raw(const char* key, const std::string& json) {
        k(key);
        if (json.empty()) {
            writer_.Null();
        } else {
            writer_.RawValue(json.data(), json.size(), rapidjson::kObjectType);
        }
        return *this;
    }
    void print(std::ostream& out) { out << buffer_.GetString() << '\n'; }
    /// The JSON written so far.
    std::string text() const { return buffer_.GetString(); }
    /// The same value on one line (JSON Lines).
    void printLine(std::ostream& out) {
        rapidjson::Document d;
        d.Parse(buffer_.GetString(), buffer_.GetSize());
        out << compactJson(d) << '\n';
    }

    /// `value` as JSON text on one line.
    static std::string compactJson(const rapidjson::Value& value) {
        rapidjson::StringBuffer line;
        rapidjson::Writer<rapidjson::StringBuffer> writer(line);
        value.Accept(writer);
        return {line.GetString(), line.GetSize()};
    }

  private:
    void k(const char* key) {
        if (key) writer_.Key(key);
    }
    rapidjson::StringBuffer buffer_;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> writer_;
};

}  // namespace cg::cli
