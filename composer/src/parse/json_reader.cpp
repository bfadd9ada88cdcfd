// JSON is parsed by nlohmann/json's SAX parser reading through an iterator
// that counts the bytes it hands out. At each event the count is the end of
// the token just read; the token starts at the first byte after the previous
// token, past blanks and one ',' or ':'. A syntax error is told in the words
// of a system file's author, from the parser's context and the lexer's finding.
#include "parse/json_reader.hpp"

#include "parse/tree.hpp"

#include <nlohmann/json.hpp>

#include <iterator>

namespace rampart::parse {
namespace {

using Json = nlohmann::json;

// A byte iterator over the text that records how far the parser has read.
class CountingIterator {
  public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    CountingIterator(const char* at, std::size_t* consumed) : at_(at), consumed_(consumed) {}
    reference operator*() const { return *at_; }
    CountingIterator& operator++() {
        ++at_;
        ++*consumed_;
        return *this;
    }
    CountingIterator operator++(int) {
        CountingIterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const CountingIterator& other) const { return at_ == other.at_; }
    bool operator!=(const CountingIterator& other) const { return at_ != other.at_; }

  private:
    const char* at_;
    std::size_t* consumed_;
};

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(std::string_view s, std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

// Just past the JSON number starting at `at` (the grammar's longest match).
std::size_t number_end(std::string_view s, std::size_t at) {
    auto digits = [&](std::size_t i) {
        while (is_digit(s, i))
            ++i;
        return i;
    };
    if (at < s.size() && s[at] == '-')
        ++at;
    at = at < s.size() && s[at] == '0' ? at + 1 : digits(at);
    if (at < s.size() && s[at] == '.' && is_digit(s, at + 1))
        at = digits(at + 1);
    if (at < s.size() && (s[at] == 'e' || s[at] == 'E')) {
        std::size_t exp = at + 1;
        if (exp < s.size() && (s[exp] == '+' || s[exp] == '-'))
            ++exp;
        if (is_digit(s, exp))
            at = digits(exp);
    }
    return at;
}

class LocatingSax {
  public:
    LocatingSax(std::string_view text, diag::FileId file, const std::size_t& consumed)
        : text_(text), lines_(text), file_(file), consumed_(consumed) {
        if (text.substr(0, 3) == "\xEF\xBB\xBF")
            last_end_ = 3; // the parser skips a byte order mark
    }

    // SAX events.
    bool null() { return scalar(JsonValue::Kind::Null, consumed_); }
    bool boolean(bool value) {
        if (!scalar(JsonValue::Kind::Bool, consumed_))
            return false;
        last_scalar().boolean = value;
        return true;
    }
    bool number_integer(Json::number_integer_t) { return number(); }
    bool number_unsigned(Json::number_unsigned_t) { return number(); }
    bool number_float(Json::number_float_t, const std::string&) { return number(); }
    bool string(std::string& value) {
        if (value.find('\0') != std::string::npos)
            return fail(token_start(), consumed_ - token_start(),
                        "a string must not contain the character U+0000");
        if (!scalar(JsonValue::Kind::String, consumed_))
            return false;
        last_scalar().text = std::move(value);
        return true;
    }
    bool binary(Json::binary_t&) { return false; } // JSON text has no binary values
    bool start_object(std::size_t) { return open(JsonValue::Kind::Object); }
    bool start_array(std::size_t) { return open(JsonValue::Kind::Array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string& key) {
        const std::size_t start = token_start();
        Frame& frame = stack_.back();
        frame.key = std::move(key);
        frame.key_loc = loc(start, consumed_ - start);
        last_end_ = consumed_;
        for (const JsonMember& other : frame.value.members)
            if (other.key == frame.key)
                return fail(start, consumed_ - start,
                            "key '" + frame.key + "' given twice in one object");
        return true;
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
        explain(position, e);
        return false;
    }

    std::optional<JsonValue> result(diag::Diagnostics& diags) {
        if (problem_) {
            diags.error(problem_->loc, problem_->message);
            return std::nullopt;
        }
        return std::move(result_);
    }

  private:
    struct Frame {
        JsonValue value;
        std::size_t start;
        std::string key; // the pending member's key (objects)
        diag::Loc key_loc;
    };
    struct Problem {
        diag::Loc loc;
        std::string message;
    };

    // Where the token the parser is on starts: past the previous token, the
    // blanks and the one ',' or ':' the parser consumed without an event.
    std::size_t token_start() const {
        std::size_t at = skip_blanks(last_end_);
        if (at < text_.size() && (text_[at] == ',' || text_[at] == ':'))
            at = skip_blanks(at + 1);
        return at;
    }
    std::size_t skip_blanks(std::size_t at) const {
        while (at < text_.size() && is_blank(text_[at]))
            ++at;
        return at;
    }
    diag::Loc loc(std::size_t offset, std::size_t len) const {
        return lines_.loc(file_, offset, len);
    }

    bool number() {
        const std::size_t start = token_start();
        const std::size_t end = number_end(text_, start);
        if (!scalar(JsonValue::Kind::Number, end))
            return false;
        last_scalar().text = std::string(text_.substr(start, end - start));
        return true;
    }

    bool scalar(JsonValue::Kind kind, std::size_t end) {
        JsonValue v;
        v.kind = kind;
        const std::size_t start = token_start();
        v.loc = loc(start, end - start);
        last_end_ = end;
        place(std::move(v));
        return true;
    }

    JsonValue& last_scalar() {
        if (stack_.empty())
            return result_;
        Frame& top = stack_.back();
        return top.value.kind == JsonValue::Kind::Object ? top.value.members.back().value
                                                         : top.value.items.back();
    }

    bool open(JsonValue::Kind kind) {
        const std::size_t start = consumed_ - 1;
        if (stack_.size() >= 2 * kMaxDepth + 1)
            return fail(start, 1, "values nested too deeply");
        Frame frame{JsonValue{}, start, {}, {}};
        frame.value.kind = kind;
        stack_.push_back(std::move(frame));
        last_end_ = consumed_;
        return true;
    }

    bool close() {
        Frame frame = std::move(stack_.back());
        stack_.pop_back();
        frame.value.loc = loc(frame.start, consumed_ - frame.start);
        last_end_ = consumed_;
        place(std::move(frame.value));
        return true;
    }

    // A finished value goes into the open container, or is the document.
    void place(JsonValue v) {
        if (stack_.empty()) {
            result_ = std::move(v);
            return;
        }
        Frame& top = stack_.back();
        if (top.value.kind == JsonValue::Kind::Array) {
            top.value.items.push_back(std::move(v));
            return;
        }
        top.value.members.push_back(JsonMember{std::move(top.key), top.key_loc, std::move(v)});
    }

    bool fail(std::size_t offset, std::size_t len, std::string message) {
        problem_ = Problem{loc(offset, len), std::move(message)};
        return false;
    }

    // The parser's message names its context ("while parsing object key")
    // and either the unexpected token or the lexer's finding.
    void explain(std::size_t position, const nlohmann::detail::exception& e) {
        const std::string_view what = e.what();
        auto says = [&](std::string_view part) { return what.find(part) != std::string_view::npos; };
        const std::size_t end = text_.size();
        // The lexer counts the end of the text as a character read.
        const std::size_t last = position == 0 ? 0 : std::min(position, end + 1) - 1;
        const std::size_t token = token_start();

        if (e.id == 406) // a number too large for a double
            return (void)fail(token, number_end(text_, token) - token,
                              "number '" +
                                  std::string(text_.substr(token, number_end(text_, token) - token)) +
                                  "' is out of range");

        std::string context_message = "expected a JSON value";
        if (says("while parsing object key"))
            context_message = "expected a string key";
        else if (says("while parsing object separator"))
            context_message = "expected ':' after the key";
        else if (says("while parsing object -"))
            context_message = "expected ',' or '}'";
        else if (says("while parsing array -"))
            context_message = "expected ',' or ']'";
        else if (says("; expected end of input"))
            context_message = "unexpected content after the JSON value";

        // A string or number the reader was reading as a value (or key).
        const bool value_context = says("while parsing value -") && !says("; expected end of input");
        const bool reads_strings = value_context || says("while parsing object key");
        if (reads_strings && says("- invalid string: ")) {
            if (says("missing closing quote"))
                return (void)fail(token, 1, "unterminated string");
            if (says("forbidden character after backslash"))
                return (void)fail(last - 1, 2, "invalid escape sequence");
            if (says("control character"))
                return (void)fail(last, 1, "control character in string");
            if (says("ill-formed UTF-8"))
                return (void)fail(last, 1, "invalid UTF-8 in string");
            const std::size_t escape = text_.rfind("\\u", last);
            if (says("surrogate"))
                return (void)fail(escape, 2, "unpaired surrogate in \\u escape");
            return (void)fail(escape, 2, "invalid \\u escape");
        }
        if (value_context && says("- invalid number"))
            return (void)fail(last, last < end ? 1 : 0, "invalid number");

        // The unexpected token: one structural character just read, the end
        // of the text, or a token starting where the previous one ended.
        std::size_t at = token;
        if (says("unexpected '") || says("unexpected end of input"))
            at = last; // the lexer reads a NUL as the end
        if (at < end && text_[at] == '\0')
            context_message = "the file contains a NUL character";
        fail(at, at < end ? 1 : 0, context_message);
    }

    std::string_view text_;
    diag::LineIndex lines_;
    diag::FileId file_;
    const std::size_t& consumed_;
    std::size_t last_end_ = 0; // just past the last token an event reported
    std::vector<Frame> stack_;
    JsonValue result_;
    std::optional<Problem> problem_;
};

} // namespace

std::optional<JsonValue> read_json(std::string_view text, diag::FileId file,
                                   diag::Diagnostics& diags) {
    std::size_t consumed = 0;
    LocatingSax sax(text, file, consumed);
    Json::sax_parse(CountingIterator(text.data(), &consumed),
                    CountingIterator(text.data() + text.size(), &consumed), &sax);
    return sax.result(diags);
}

} // namespace rampart::parse
