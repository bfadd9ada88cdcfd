// The streaming JSON writer (json_writer.hpp).
#include "report/json_writer.hpp"

namespace rampart::report {

void JsonWriter::indent(std::size_t depth) {
    out_ += '\n';
    out_.append(depth, ' ');
}

void JsonWriter::element() {
    if (after_key_) { // an object member: key() wrote the separator
        after_key_ = false;
        return;
    }
    if (levels_.empty())
        return;
    if (!levels_.back().empty)
        out_ += ',';
    levels_.back().empty = false;
    indent(levels_.size());
}

JsonWriter& JsonWriter::key(std::string_view name) {
    element();
    quoted(name);
    out_ += ": ";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::open(char bracket) {
    element();
    out_ += bracket;
    levels_.push_back({bracket == '{' ? '}' : ']', true});
    return *this;
}

JsonWriter& JsonWriter::end() {
    const Level l = levels_.back();
    levels_.pop_back();
    if (!l.empty)
        indent(levels_.size());
    out_ += l.close;
    return *this;
}

JsonWriter& JsonWriter::literal(std::string_view text) {
    element();
    out_ += text;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
    element();
    quoted(s);
    return *this;
}

void JsonWriter::quoted(std::string_view s) {
    out_ += '"';
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
            if (c < 0x20) {
                static constexpr char kHex[] = "0123456789abcdef";
                out_ += "\\u00";
                out_ += kHex[c >> 4];
                out_ += kHex[c & 15];
            } else {
                out_ += ch;
            }
        }
    }
    out_ += '"';
}

} // namespace rampart::report
