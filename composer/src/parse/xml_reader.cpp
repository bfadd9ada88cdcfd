// Recursive-descent XML reader with line/column tracking.
#include "parse/xml_reader.hpp"

#include "parse/text_cursor.hpp"
#include "parse/utf8.hpp"

namespace rampart::parse {
namespace {

class XmlReader : TextCursor {
  public:
    XmlReader(std::string_view text, diag::FileId file) : TextCursor(text, file) {}

    Node document() {
        if (s_.substr(0, 3) == "\xEF\xBB\xBF")
            pos_ = 3, col_ = 1;
        misc(true);
        if (at_end())
            fail("expected the root element <system>");
        if (!starts("<") || starts("</"))
            fail("expected an element");
        Node root = element(1);
        misc(false);
        if (!at_end())
            fail("unexpected content after the root element");
        return root;
    }

  private:
    // Whitespace, comments and processing instructions around the root.
    void misc(bool prolog) {
        for (;;) {
            skip_space();
            if (starts("<?"))
                processing_instruction();
            else if (starts("<!--"))
                comment();
            else if (starts("<!DOCTYPE") || starts("<!doctype"))
                fail(prolog ? "document type declarations are not supported"
                            : "unexpected content after the root element");
            else
                return;
        }
    }

    Node element(unsigned depth) {
        if (depth > kMaxDepth)
            fail("elements nested too deeply");
        advance(1); // '<'
        Node node;
        node.name_loc = here(0);
        node.name = name();
        node.name_loc.len = static_cast<std::uint32_t>(node.name.size());
        for (;;) {
            bool spaced = skip_space();
            if (starts("/>")) {
                advance(2);
                return node;
            }
            if (starts(">")) {
                advance(1);
                break;
            }
            if (at_end())
                fail("unterminated start tag <" + node.name + ">");
            if (!spaced)
                fail("expected whitespace before an attribute");
            attribute(node);
        }
        content(node, depth);
        return node;
    }

    void attribute(Node& node) {
        Attr a;
        a.name_loc = here(0);
        a.name = name();
        a.name_loc.len = static_cast<std::uint32_t>(a.name.size());
        for (const Attr& other : node.attrs)
            if (other.name == a.name)
                fail_at(a.name_loc, "attribute '" + a.name + "' given twice");
        skip_space();
        expect('=', "expected '=' after attribute name '" + a.name + "'");
        skip_space();
        if (!starts("\"") && !starts("'"))
            fail("expected a quoted value for attribute '" + a.name + "'");
        char quote = s_[pos_];
        a.value_loc = here(0);
        std::size_t start = pos_;
        advance(1);
        while (!at_end() && s_[pos_] != quote) {
            if (s_[pos_] == '<')
                fail("'<' is not allowed in an attribute value");
            if (s_[pos_] == '&')
                a.value += entity();
            else
                a.value += s_[pos_], advance(1);
        }
        if (at_end())
            fail_at(a.value_loc, "unterminated attribute value");
        advance(1);
        a.value_loc.len = line_len(start);
        node.attrs.push_back(std::move(a));
    }

    void content(Node& node, unsigned depth) {
        for (;;) {
            if (at_end())
                fail_at(node.name_loc, "element <" + node.name + "> is not closed");
            if (starts("</")) {
                advance(2);
                diag::Loc end_loc = here(0);
                std::string end = name();
                if (end != node.name) {
                    end_loc.len = static_cast<std::uint32_t>(end.size());
                    fail_at(end_loc, "closing tag </" + end + "> does not match <" + node.name +
                                         "> opened at line " + std::to_string(node.name_loc.line));
                }
                skip_space();
                expect('>', "expected '>' to end the closing tag");
                return;
            }
            if (starts("<!--"))
                comment();
            else if (starts("<![CDATA["))
                cdata(node);
            else if (starts("<?"))
                processing_instruction();
            else if (starts("<!"))
                fail("unexpected markup declaration");
            else if (starts("<"))
                node.children.push_back(element(depth + 1));
            else
                text(node);
        }
    }

    // Character data: only whitespace is meaningful-free; anything else is
    // remembered as stray text for the model builder to report.
    void text(Node& node) {
        diag::Loc first;
        std::size_t first_pos = 0;
        while (!at_end() && s_[pos_] != '<') {
            char c = s_[pos_];
            if (c == '&') {
                diag::Loc l = here(0);
                std::size_t p = pos_;
                entity();
                if (!first.valid())
                    first = l, first_pos = p;
                continue;
            }
            if (!is_space(c) && !first.valid())
                first = here(0), first_pos = pos_;
            advance(1);
        }
        if (first.valid()) {
            std::size_t end = first_pos;
            while (end < pos_ && s_[end] != '\n' && s_[end] != '<')
                ++end;
            while (end > first_pos && is_space(s_[end - 1]))
                --end;
            first.len = static_cast<std::uint32_t>(end - first_pos);
            node.stray_text.push_back(first);
        }
    }

    void cdata(Node& node) {
        diag::Loc l = here(9);
        advance(9);
        std::size_t start = pos_;
        while (!at_end() && !starts("]]>"))
            advance(1);
        if (at_end())
            fail_at(l, "unterminated CDATA section");
        for (std::size_t i = start; i < pos_; ++i)
            if (!is_space(s_[i])) {
                node.stray_text.push_back(l);
                break;
            }
        advance(3);
    }

    void comment() {
        diag::Loc l = here(4);
        advance(4);
        while (!at_end() && !starts("-->")) {
            if (starts("--"))
                fail("'--' is not allowed inside a comment");
            advance(1);
        }
        if (at_end())
            fail_at(l, "unterminated comment");
        advance(3);
    }

    void processing_instruction() {
        diag::Loc l = here(2);
        advance(2);
        while (!at_end() && !starts("?>"))
            advance(1);
        if (at_end())
            fail_at(l, "unterminated processing instruction");
        advance(2);
    }

    std::string entity() {
        diag::Loc l = here(1);
        std::size_t start = pos_;
        advance(1);
        std::string ref;
        while (!at_end() && s_[pos_] != ';' && ref.size() < 12 && !is_space(s_[pos_]) &&
               s_[pos_] != '<' && s_[pos_] != '&')
            ref += s_[pos_], advance(1);
        if (at_end() || s_[pos_] != ';')
            fail_at(l, "unterminated entity reference");
        advance(1);
        l.len = line_len(start);
        if (ref == "lt")
            return "<";
        if (ref == "gt")
            return ">";
        if (ref == "amp")
            return "&";
        if (ref == "quot")
            return "\"";
        if (ref == "apos")
            return "'";
        if (ref.size() > 1 && ref[0] == '#') {
            bool hex = ref[1] == 'x';
            std::string digits = ref.substr(hex ? 2 : 1);
            std::uint32_t cp = 0;
            bool ok = !digits.empty() && digits.size() <= 8;
            for (char c : digits) {
                int v = hex_value(c);
                if (v < 0 || (!hex && v > 9)) {
                    ok = false;
                    break;
                }
                cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
            }
            std::string out;
            if (ok && append_utf8(out, cp))
                return out;
            fail_at(l, "invalid character reference '&" + ref + ";'");
        }
        fail_at(l, "unknown entity '&" + ref + ";'");
    }

    std::string name() {
        if (at_end() || !is_name_start(s_[pos_]))
            fail("expected a name");
        std::string n;
        while (!at_end() && is_name_char(s_[pos_]))
            n += s_[pos_], advance(1);
        return n;
    }

    static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    static bool is_name_start(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
               static_cast<unsigned char>(c) >= 0x80;
    }
    static bool is_name_char(char c) {
        return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }
    static int hex_value(char c) {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool skip_space() {
        bool any = false;
        while (!at_end() && is_space(s_[pos_]))
            advance(1), any = true;
        return any;
    }
    bool starts(std::string_view p) const { return s_.substr(pos_, p.size()) == p; }
    void expect(char c, const std::string& message) {
        if (at_end() || s_[pos_] != c)
            fail(message);
        advance(1);
    }
};

} // namespace

std::optional<Node> read_xml(std::string_view text, diag::FileId file, diag::Diagnostics& diags) {
    try {
        XmlReader reader(text, file);
        return reader.document();
    } catch (const SyntaxError& e) {
        diags.error(e.loc, e.message);
        return std::nullopt;
    }
}

} // namespace rampart::parse
