// XML's lexical rules on the original text of a system file.
#include "parse/xml_syntax.hpp"

#include "parse/utf8.hpp"

namespace rampart::parse {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// A character reference's text after '&#' (e.g. "x41") is a valid character.
bool valid_character_reference(std::string_view ref) {
    const bool hex = !ref.empty() && ref[0] == 'x';
    const std::string_view digits = ref.substr(hex ? 1 : 0);
    if (digits.empty() || digits.size() > 8)
        return false;
    std::uint32_t cp = 0;
    for (char c : digits) {
        const int v = hex_value(c);
        if (v < 0 || (!hex && v > 9))
            return false;
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
    }
    std::string unused;
    return append_utf8(unused, cp);
}

} // namespace

std::size_t XmlSyntax::skip_space(std::size_t at) const {
    while (at < s_.size() && is_space(s_[at]))
        ++at;
    return at;
}

bool XmlSyntax::blank(std::size_t begin, std::size_t end) const {
    end = std::min(end, s_.size());
    for (std::size_t i = begin; i < end; ++i)
        if (!is_space(s_[i]))
            return false;
    return true;
}

std::string_view XmlSyntax::name_at(std::size_t at) const {
    if (at >= s_.size() || !is_name_start(s_[at]))
        return {};
    std::size_t end = at;
    while (end < s_.size() && is_name_char(s_[end]))
        ++end;
    return s_.substr(at, end - at);
}

std::size_t XmlSyntax::value_end(std::size_t at) const {
    if (at == 0 || at > s_.size())
        return s_.size();
    return std::min(s_.find(s_[at - 1], at), s_.size());
}

std::optional<XmlSyntax::Flaw> XmlSyntax::reference_flaw(std::size_t amp) const {
    std::size_t end = amp + 1;
    while (end < s_.size() && s_[end] != ';' && end - amp - 1 < 12 && !is_space(s_[end]) &&
           s_[end] != '<' && s_[end] != '&')
        ++end;
    if (end >= s_.size() || s_[end] != ';')
        return Flaw{amp, 1, "unterminated entity reference"};
    const std::string_view ref = s_.substr(amp + 1, end - amp - 1);
    if (ref == "lt" || ref == "gt" || ref == "amp" || ref == "quot" || ref == "apos")
        return std::nullopt;
    const std::size_t len = end + 1 - amp;
    const std::string spelled = "'&" + std::string(ref) + ";'";
    if (ref.size() > 1 && ref[0] == '#') {
        if (valid_character_reference(ref.substr(1)))
            return std::nullopt;
        return Flaw{amp, len, "invalid character reference " + spelled};
    }
    return Flaw{amp, len, "unknown entity " + spelled};
}

std::optional<XmlSyntax::Flaw> XmlSyntax::value_flaw(std::size_t begin, std::size_t end,
                                                     bool attribute) const {
    end = std::min(end, s_.size());
    for (std::size_t i = begin; i < end; ++i) {
        if (attribute && s_[i] == '<')
            return Flaw{i, 1, "'<' is not allowed in an attribute value"};
        if (s_[i] == '&')
            if (auto flaw = reference_flaw(i))
                return flaw;
    }
    return std::nullopt;
}

XmlSyntax::StartTag XmlSyntax::start_tag(std::size_t name_at) const {
    const std::string element(this->name_at(name_at));
    StartTag tag;
    std::size_t p = name_at + element.size();
    auto flaw = [&](std::size_t at, std::string message) {
        tag.flaw = Flaw{at, at < s_.size() ? 1u : 0u, std::move(message)};
        tag.end = s_.size();
        return tag;
    };
    for (;;) {
        const std::size_t before = p;
        p = skip_space(p);
        if (s_.substr(p, 2) == "/>") {
            tag.end = p + 2, tag.self_closing = true;
            return tag;
        }
        if (s_.substr(p, 1) == ">") {
            tag.end = p + 1;
            return tag;
        }
        if (p >= s_.size())
            return flaw(p, "unterminated start tag <" + element + ">");
        if (p == before)
            return flaw(p, "expected whitespace before an attribute");
        const std::string attribute(this->name_at(p));
        if (attribute.empty())
            return flaw(p, "expected a name");
        p = skip_space(p + attribute.size());
        if (p >= s_.size() || s_[p] != '=')
            return flaw(p, "expected '=' after attribute name '" + attribute + "'");
        p = skip_space(p + 1);
        if (p >= s_.size() || (s_[p] != '"' && s_[p] != '\''))
            return flaw(p, "expected a quoted value for attribute '" + attribute + "'");
        const std::size_t end = value_end(p + 1);
        if (auto bad = value_flaw(p + 1, end, true)) {
            tag.flaw = std::move(bad);
            tag.end = s_.size();
            return tag;
        }
        if (end >= s_.size()) {
            tag.flaw = Flaw{p, 0, "unterminated attribute value"};
            tag.end = s_.size();
            return tag;
        }
        p = end + 1;
    }
}

std::size_t XmlSyntax::markup_start(std::size_t at, std::string_view prefix) const {
    const std::size_t start = s_.rfind(prefix, at);
    return start == std::string_view::npos ? std::min(at, s_.size()) : start;
}

std::size_t XmlSyntax::after(std::size_t from, std::string_view terminator) const {
    const std::size_t at = s_.find(terminator, from);
    return at == std::string_view::npos ? s_.size() : at + terminator.size();
}

std::size_t XmlSyntax::closing_tags(std::size_t from, std::size_t until) const {
    std::size_t count = 0;
    for (std::size_t at = s_.find("</", from); at < until; at = s_.find("</", at + 2))
        ++count;
    return count;
}

} // namespace rampart::parse
