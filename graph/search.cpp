// SPDX-License-Identifier: MIT
#include "graph/search.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <unordered_map>

#include "graph/error.hpp"
#include "graph/normalize.hpp"

namespace cg::graph {

namespace {

constexpr const char* kCreateIndex =
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING "
    "fts5(quote, note, entities, source, tokenize = 'unicode61 remove_diacritics 0')";

// What the index was built from, read without scanning any large table: the highest ids of
// claims, names and entities (rows are only appended, except by retraction), the merged
// entities (through the partial index entities_merged), the sources (a few rows), and the
// logs of ingests, resolution judgements and retractions, so that every ingest, merge, split,
// retraction and undo changes it. O(log n + merged entities + sources + log rows).
constexpr const char* kSignature = R"sql(
SELECT (SELECT coalesce(max(id), 0) FROM claims) || '|' ||
       (SELECT coalesce(max(id), 0) FROM names) || '|' ||
       (SELECT coalesce(max(id), 0) FROM entities) || '|' ||
       (SELECT count(*) || ':' || total(id) || ':' || total(merged_into) || ':' ||
               total(id * merged_into) FROM entities WHERE merged_into IS NOT NULL) || '|' ||
       (SELECT count(*) || ':' || total(id) || ':' || total(length(title)) FROM sources) || '|' ||
       (SELECT coalesce(max(id), 0) FROM ingests) || '|' ||
       (SELECT count(*) || ':' || total(undone) FROM judgements) || '|' ||
       (SELECT count(*) || ':' || count(undone) FROM retractions)
)sql";

std::string quoted(std::string_view words, bool prefix) {
    std::string out = "\"";
    for (char c : words) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    if (prefix) out += '*';
    return out;
}

void addTerm(std::vector<std::string>& terms, std::string_view raw, bool phrase) {
    if (phrase) {
        std::string norm = normalizeName(raw);
        if (!norm.empty()) terms.push_back(quoted(norm, false));
        return;
    }
    bool prefix = !raw.empty() && raw.back() == '*';
    if (prefix) raw.remove_suffix(1);
    std::string norm = normalizeName(raw);
    if (norm.empty()) return;
    // A word the normaliser splits ("o'neil", "x-ray") stays one phrase; only its end is a prefix.
    terms.push_back(quoted(norm, prefix));
}

// The canonical entity of each entity id, merges followed.
std::unordered_map<std::int64_t, std::int64_t> canonicalEntities(SQLite::Database& db) {
    std::unordered_map<std::int64_t, std::int64_t> mergedInto;
    SQLite::Statement q(db, "SELECT id, merged_into FROM entities WHERE merged_into IS NOT NULL");
    while (q.executeStep()) mergedInto[q.getColumn(0).getInt64()] = q.getColumn(1).getInt64();
    std::unordered_map<std::int64_t, std::int64_t> canonical;
    for (const auto& [id, into] : mergedInto) {
        std::int64_t at = into;
        for (int guard = 0; guard < 64; ++guard) {
            auto next = mergedInto.find(at);
            if (next == mergedInto.end()) break;
            at = next->second;
        }
        canonical[id] = at;
    }
    return canonical;
}

void rebuildIndex(SQLite::Database& db, const std::string& signature) {
    SQLite::Transaction tx(db);
    db.exec(kCreateIndex);
    db.exec("DELETE FROM search_index");
    auto canonical = canonicalEntities(db);
    auto canon = [&](std::int64_t id) {
        auto it = canonical.find(id);
        return it == canonical.end() ? id : it->second;
    };
    // Every name of every canonical entity, merged entities' names included.
    std::unordered_map<std::int64_t, std::string> names;
    {
        SQLite::Statement q(db,
                            "SELECT entity, name FROM names UNION SELECT id, name FROM entities");
        while (q.executeStep()) {
            auto& text = names[canon(q.getColumn(0).getInt64())];
            if (!text.empty()) text += ' ';
            text += normalizeName(q.getColumn(1).getString());
        }
    }
    std::unordered_map<std::int64_t, std::string> titles;
    {
        SQLite::Statement q(db, "SELECT id, title FROM sources");
        while (q.executeStep()) {
            titles[q.getColumn(0).getInt64()] = normalizeName(q.getColumn(1).getString());
        }
    }
    SQLite::Statement q(db, R"sql(
SELECT id, quote,
       CASE WHEN json_valid(attributes)
            THEN coalesce(json_extract(attributes, '$.note'), '') ELSE '' END,
       subject, object, source
  FROM claims)sql");
    SQLite::Statement put(
        db,
        "INSERT INTO search_index(rowid, quote, note, entities, source) VALUES (?, ?, ?, ?, ?)");
    while (q.executeStep()) {
        std::string entities = names[canon(q.getColumn(3).getInt64())];
        if (!q.getColumn(4).isNull()) {
            entities += ' ';
            entities += names[canon(q.getColumn(4).getInt64())];
        }
        put.bind(1, q.getColumn(0).getInt64());
        put.bind(2, normalizeName(q.getColumn(1).getString()));
        put.bind(3, normalizeName(q.getColumn(2).getString()));
        put.bind(4, entities);
        put.bind(5, titles[q.getColumn(5).getInt64()]);
        put.exec();
        put.reset();
    }
    SQLite::Statement mark(db,
                           "INSERT OR REPLACE INTO meta(key, value) VALUES ('search_index', ?)");
    mark.bind(1, signature);
    mark.exec();
    tx.commit();
}

SearchEntity entityOf(SQLite::Database& db, std::int64_t id,
                      const std::unordered_map<std::int64_t, std::int64_t>& canonical) {
    auto it = canonical.find(id);
    if (it != canonical.end()) id = it->second;
    SQLite::Statement q(db, "SELECT key, name, type FROM entities WHERE id = ?");
    q.bind(1, id);
    SearchEntity e;
    if (q.executeStep()) {
        e.id = q.getColumn(0).getString();
        e.name = q.getColumn(1).getString();
        e.type = q.getColumn(2).getString();
    }
    return e;
}

}  // namespace

std::string buildSearchQuery(std::string_view text) {
    std::vector<std::string> terms;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '"') {
            std::size_t end = text.find('"', i + 1);
            if (end == std::string_view::npos) end = text.size();
            addTerm(terms, text.substr(i + 1, end - i - 1), true);
            i = end + 1;
            continue;
        }
        if (text[i] == ' ' || text[i] == '\t' || text[i] == '\n') {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n' &&
               text[end] != '"') {
            ++end;
        }
        addTerm(terms, text.substr(i, end - i), false);
        i = end;
    }
    std::string query;
    for (const auto& term : terms) {
        if (!query.empty()) query += " AND ";
        query += term;
    }
    return query;
}

std::vector<SearchHit> searchClaims(const std::string& dbPath, std::string_view text,
                                    const SearchOptions& options) {
    std::vector<SearchHit> hits;
    std::string match = buildSearchQuery(text);
    try {
        SQLite::Database db(dbPath, SQLite::OPEN_READWRITE);
        db.setBusyTimeout(5000);
        std::string signature = db.execAndGet(kSignature).getString();
        SQLite::Statement built(db, "SELECT value FROM meta WHERE key = 'search_index'");
        bool current = db.tableExists("search_index") && built.executeStep() &&
                       built.getColumn(0).getString() == signature;
        built.reset();
        if (!current) rebuildIndex(db, signature);
        if (match.empty()) return hits;
        auto canonical = canonicalEntities(db);
        // Ranking reads the index alone (and each match's claim only when a source is asked
        // for); the snippet, claim and entities are read for the hits kept, not every match.
        // Without a type to check, the limit is the query's, so SQLite keeps only the best.
        bool limited = options.limit > 0 && options.type.empty();
        SQLite::Statement ranked(
            db, std::string(options.source.empty()
                                ? "SELECT rowid, bm25(search_index, 4.0, 2.0, 1.0, 1.0) FROM "
                                  "search_index WHERE search_index MATCH ?1"
                                : "SELECT search_index.rowid, bm25(search_index, 4.0, 2.0, 1.0, "
                                  "1.0) FROM search_index JOIN claims c ON c.id = "
                                  "search_index.rowid JOIN sources s ON s.id = c.source WHERE "
                                  "search_index MATCH ?1 AND s.key = ?2") +
                    " ORDER BY 2, 1" + (limited ? " LIMIT ?3" : ""));
        ranked.bind(1, match);
        if (!options.source.empty()) ranked.bind(2, options.source);
        if (limited) ranked.bind(3, static_cast<std::int64_t>(options.limit));
        SQLite::Statement claim(db, R"sql(
SELECT c.key, c.quote, c.subject, c.object, s.key, s.title
  FROM claims c JOIN sources s ON s.id = c.source WHERE c.id = ?)sql");
        SQLite::Statement snippet(db,
                                  "SELECT snippet(search_index, -1, '[', ']', '...', 16) FROM "
                                  "search_index WHERE search_index MATCH ? AND rowid = ?");
        while (ranked.executeStep()) {
            std::int64_t id = ranked.getColumn(0).getInt64();
            claim.bind(1, id);
            if (!claim.executeStep()) {
                claim.reset();
                continue;
            }
            SearchHit hit;
            hit.claim = claim.getColumn(0).getString();
            hit.score = ranked.getColumn(1).getDouble();
            hit.quote = claim.getColumn(1).getString();
            hit.entities.push_back(entityOf(db, claim.getColumn(2).getInt64(), canonical));
            if (!claim.getColumn(3).isNull()) {
                hit.entities.push_back(entityOf(db, claim.getColumn(3).getInt64(), canonical));
            }
            hit.sourceId = claim.getColumn(4).getString();
            hit.sourceTitle = claim.getColumn(5).getString();
            claim.reset();
            if (!options.type.empty()) {
                bool named = false;
                for (const auto& e : hit.entities) named = named || e.type == options.type;
                if (!named) continue;
            }
            snippet.bind(1, match);
            snippet.bind(2, id);
            if (snippet.executeStep()) hit.snippet = snippet.getColumn(0).getString();
            snippet.reset();
            hits.push_back(std::move(hit));
            if (options.limit > 0 && static_cast<long>(hits.size()) >= options.limit) break;
        }
    } catch (const SQLite::Exception& e) {
        throw StorageError(dbPath + ": " + e.what());
    }
    return hits;
}

}  // namespace cg::graph
