// Recursive-descent JSON reader with line/column tracking.
#include "parse/json_reader.hpp"

#include "parse/text_cursor.hpp"
#include "parse/tree.hpp"
#include "parse/utf8.hpp"

namespace rampart::parse {
namespace {

class JsonReader : TextCursor {
  public:
    JsonReader(std::string_view text, diag::FileId file) : TextCursor(text, file) {}

    JsonValue document() {
        if (s_.substr(0, 3) == "\xEF\xBB\xBF")
            pos_ = 3;
        skip_space();
        if (at_end())
            fail("expected a JSON value");
        JsonValue v = value(0);
        skip_space();
        if (!at_end())
            fail("unexpected content after the JSON value");
        return v;
    }

  private:
    JsonValue value(unsigned depth) {
        if (depth > 2 * kMaxDepth)
            fail("values nested too deeply");
        JsonValue v;
        v.loc = here(1);
        std::size_t start = pos_;
        char c = s_[pos_];
        if (c == '{') {
            object(v, depth);
        } else if (c == '[') {
            array(v, depth);
        } else if (c == '"') {
            v.kind = JsonValue::Kind::String;
            v.text = string();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            v.kind = JsonValue::Kind::Number;
            number();
            v.text = std::string(s_.substr(start, pos_ - start));
        } else if (literal("true")) {
            v.kind = JsonValue::Kind::Bool, v.boolean = true;
        } else if (literal("false")) {
            v.kind = JsonValue::Kind::Bool;
        } else if (literal("null")) {
            v.kind = JsonValue::Kind::Null;
        } else {
            fail("expected a JSON value");
        }
        v.loc.len = line_len(start);
        return v;
    }

    void object(JsonValue& v, unsigned depth) {
        v.kind = JsonValue::Kind::Object;
        advance(1);
        skip_space();
        if (peek('}')) {
            advance(1);
            return;
        }
        for (;;) {
            skip_space();
            if (!peek('"'))
                fail("expected a string key");
            JsonMember m;
            m.key_loc = here(0);
            std::size_t start = pos_;
            m.key = string();
            m.key_loc.len = line_len(start);
            for (const auto& other : v.members)
                if (other.key == m.key)
                    fail_at(m.key_loc, "key '" + m.key + "' given twice in one object");
            skip_space();
            if (!peek(':'))
                fail("expected ':' after the key");
            advance(1);
            skip_space();
            if (at_end())
                fail("expected a JSON value");
            m.value = value(depth + 1);
            v.members.push_back(std::move(m));
            skip_space();
            if (peek(',')) {
                advance(1);
                continue;
            }
            if (peek('}')) {
                advance(1);
                return;
            }
            fail("expected ',' or '}'");
        }
    }

    void array(JsonValue& v, unsigned depth) {
        v.kind = JsonValue::Kind::Array;
        advance(1);
        skip_space();
        if (peek(']')) {
            advance(1);
            return;
        }
        for (;;) {
            skip_space();
            if (at_end())
                fail("expected a JSON value");
            v.items.push_back(value(depth + 1));
            skip_space();
            if (peek(',')) {
                advance(1);
                continue;
            }
            if (peek(']')) {
                advance(1);
                return;
            }
            fail("expected ',' or ']'");
        }
    }

    std::string string() {
        diag::Loc open = here(1);
        advance(1);
        std::string out;
        for (;;) {
            if (at_end())
                fail_at(open, "unterminated string");
            unsigned char c = static_cast<unsigned char>(s_[pos_]);
            if (c == '"') {
                advance(1);
                return out;
            }
            if (c < 0x20)
                fail("control character in string");
            if (c != '\\') {
                out += static_cast<char>(c);
                advance(1);
                continue;
            }
            diag::Loc esc = here(2);
            advance(1);
            if (at_end())
                fail_at(open, "unterminated string");
            char e = s_[pos_];
            advance(1);
            switch (e) {
            case '"':
            case '\\':
            case '/':
                out += e;
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                std::uint32_t cp = hex4(esc);
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (!(s_.substr(pos_, 2) == "\\u"))
                        fail_at(esc, "unpaired surrogate in \\u escape");
                    advance(2);
                    std::uint32_t low = hex4(esc);
                    if (low < 0xDC00 || low > 0xDFFF)
                        fail_at(esc, "unpaired surrogate in \\u escape");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                if (!append_utf8(out, cp))
                    fail_at(esc, "invalid \\u escape");
                break;
            }
            default:
                fail_at(esc, "invalid escape sequence");
            }
        }
    }

    std::uint32_t hex4(diag::Loc esc) {
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            if (at_end())
                fail_at(esc, "invalid \\u escape");
            char c = s_[pos_];
            int d = (c >= '0' && c <= '9')   ? c - '0'
                    : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                    : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                             : -1;
            if (d < 0)
                fail_at(esc, "invalid \\u escape");
            v = v * 16 + static_cast<std::uint32_t>(d);
            advance(1);
        }
        return v;
    }

    void number() {
        if (peek('-'))
            advance(1);
        if (peek('0')) {
            advance(1);
        } else if (digit()) {
            while (digit())
                advance(1);
        } else {
            fail("invalid number");
        }
        if (peek('.')) {
            advance(1);
            if (!digit())
                fail("invalid number");
            while (digit())
                advance(1);
        }
        if (peek('e') || peek('E')) {
            advance(1);
            if (peek('+') || peek('-'))
                advance(1);
            if (!digit())
                fail("invalid number");
            while (digit())
                advance(1);
        }
    }

    bool literal(std::string_view word) {
        if (s_.substr(pos_, word.size()) != word)
            return false;
        advance(word.size());
        return true;
    }
    bool digit() const { return !at_end() && s_[pos_] >= '0' && s_[pos_] <= '9'; }
    bool peek(char c) const { return !at_end() && s_[pos_] == c; }
    void skip_space() {
        while (!at_end() &&
               (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r'))
            advance(1);
    }
};

} // namespace

std::optional<JsonValue> read_json(std::string_view text, diag::FileId file,
                                   diag::Diagnostics& diags) {
    try {
        JsonReader reader(text, file);
        return reader.document();
    } catch (const SyntaxError& e) {
        diags.error(e.loc, e.message);
        return std::nullopt;
    }
}

} // namespace rampart::parse
