// XML is parsed by pugixml, in place in a copy of the text, so every name and
// value it returns points into that copy and its offset is its position. This
// file turns pugixml's document into the located tree, adds the rules pugixml
// leaves to its callers (one root, no DOCTYPE, known entities, no '<' in
// values, no "--" in comments, no repeated attribute) and, when pugixml
// stops, says what it found in the words of a system file's author.
#include "parse/xml_reader.hpp"

#include "parse/xml_syntax.hpp"

#include <pugixml.hpp>

#include <cstring>

namespace rampart::parse {
namespace {

// Comments, CDATA, PIs and the DOCTYPE become nodes so they can be located
// and checked; a fragment keeps text and extra elements beside the root.
constexpr unsigned kOptions = pugi::parse_cdata | pugi::parse_comments | pugi::parse_doctype |
                              pugi::parse_escapes | pugi::parse_pi | pugi::parse_fragment;

class XmlReader {
  public:
    XmlReader(std::string_view text, diag::FileId file)
        : text_(text), syntax_(text), buffer_(text), lines_(text), file_(file) {
        // Two NULs: pugixml takes the last byte as its terminator, and an
        // error at the end of the text then keeps the text's length as offset.
        buffer_.append(2, '\0');
    }
    XmlReader(const XmlReader&) = delete;
    XmlReader& operator=(const XmlReader&) = delete;

    std::optional<Node> read(diag::Diagnostics& diags) {
        // pugixml ends the text at a NUL: it reads a blank there instead, and
        // the NUL is reported unless a problem comes before it.
        const std::size_t nul = text_.find('\0');
        for (std::size_t at = nul; at != std::string_view::npos; at = text_.find('\0', at + 1))
            buffer_[at] = ' ';
        const pugi::xml_parse_result result =
            doc_.load_buffer_inplace(buffer_.data(), buffer_.size(), kOptions, pugi::encoding_utf8);
        std::optional<Node> root = document();
        if (!problem_ && !result && static_cast<std::size_t>(result.offset) < nul)
            explain(result);
        if (nul != std::string_view::npos)
            problem(nul, 1, "the file contains a NUL character");
        if (!problem_ && !root)
            problem(text_.size(), 0, "expected the root element <system>");
        if (problem_) {
            diags.error(loc(problem_->offset, problem_->len), problem_->message);
            return std::nullopt;
        }
        return root;
    }

  private:
    struct Problem {
        std::size_t offset, len;
        std::string message;
    };

    // The first problem in the text wins: the reader cannot go on past it.
    void problem(std::size_t offset, std::size_t len, std::string message) {
        if (!problem_ || offset < problem_->offset)
            problem_ = Problem{offset, len, std::move(message)};
    }

    std::optional<Node> document() {
        std::optional<Node> root;
        for (pugi::xml_node n : doc_.children()) {
            switch (n.type()) {
            case pugi::node_element:
                if (root)
                    problem(name_offset(n) - 1, 1, "unexpected content after the root element");
                else
                    root = element(n, 1);
                break;
            case pugi::node_comment:
                comment(n);
                break;
            case pugi::node_doctype:
                problem(syntax_.markup_start(value_offset(n), "<!DOCTYPE"), 1,
                        root ? "unexpected content after the root element"
                             : "document type declarations are not supported");
                break;
            case pugi::node_pcdata:
            case pugi::node_cdata: {
                std::size_t at = n.type() == pugi::node_cdata ? value_offset(n) - 9
                                                              : syntax_.skip_space(value_offset(n));
                problem(at, 1, root ? "unexpected content after the root element"
                                    : "expected an element");
                break;
            }
            default:
                break;
            }
        }
        return root;
    }

    Node element(pugi::xml_node e, unsigned depth) {
        Node node;
        const std::size_t at = name_offset(e);
        if (depth > kMaxDepth) {
            problem(at - 1, 1, "elements nested too deeply");
            return node;
        }
        node.name = std::string(syntax_.name_at(at));
        node.name_loc = loc(at, node.name.size());
        for (pugi::xml_attribute a : e.attributes())
            attribute(node, a);
        for (pugi::xml_node child : e.children()) {
            switch (child.type()) {
            case pugi::node_element:
                node.children.push_back(element(child, depth + 1));
                break;
            case pugi::node_pcdata:
                text(node, value_offset(child));
                break;
            case pugi::node_cdata:
                if (!syntax_.blank(value_offset(child), text_.find("]]>", value_offset(child))))
                    node.stray_text.push_back(loc(value_offset(child) - 9, 9));
                break;
            case pugi::node_comment:
                comment(child);
                break;
            default:
                break;
            }
        }
        return node;
    }

    void attribute(Node& node, pugi::xml_attribute a) {
        const std::size_t name_at = offset_of(a.name());
        if (name_at == kNowhere)
            return;
        Attr attr;
        attr.name = std::string(syntax_.name_at(name_at));
        attr.name_loc = loc(name_at, attr.name.size());
        for (const Attr& other : node.attrs)
            if (other.name == attr.name)
                problem(name_at, attr.name.size(), "attribute '" + attr.name + "' given twice");
        const std::size_t value_at = offset_of(a.value());
        if (value_at == kNowhere)
            return; // pugixml stopped inside this attribute; explain() says why
        const std::size_t end = syntax_.value_end(value_at);
        if (auto flaw = syntax_.value_flaw(value_at, end, true))
            problem(flaw->offset, flaw->len, flaw->message);
        attr.value = a.value();
        attr.value_loc = loc(value_at - 1, end + 1 - (value_at - 1));
        node.attrs.push_back(std::move(attr));
    }

    // Character data: only blank text is meaningless; anything else is
    // recorded as stray text for the model builder to report.
    void text(Node& node, std::size_t begin) {
        const std::size_t end = std::min(text_.find('<', begin), text_.size());
        if (auto flaw = syntax_.value_flaw(begin, end, false))
            problem(flaw->offset, flaw->len, flaw->message);
        const std::size_t first = syntax_.skip_space(begin);
        if (first >= end)
            return;
        std::size_t last = first;
        while (last < end && text_[last] != '\n')
            ++last;
        while (last > first && XmlSyntax::is_space(text_[last - 1]))
            --last;
        node.stray_text.push_back(loc(first, last - first));
    }

    void comment(pugi::xml_node c) {
        const std::size_t begin = value_offset(c);
        const std::string_view body(c.value());
        if (std::size_t dashes = body.find("--"); dashes != std::string_view::npos)
            problem(begin + dashes, 1, "'--' is not allowed inside a comment");
        else if (!body.empty() && body.back() == '-')
            problem(begin + body.size() - 1, 1, "'--' is not allowed inside a comment");
    }

    // pugixml stopped at result.offset: the partial document shows where.
    void explain(const pugi::xml_parse_result& result) {
        const auto at = static_cast<std::size_t>(result.offset);
        const pugi::xml_node last = last_node();
        switch (result.status) {
        case pugi::status_bad_start_element:
        case pugi::status_bad_attribute:
            if (last.type() == pugi::node_element) {
                if (auto flaw = syntax_.start_tag(name_offset(last)).flaw)
                    return problem(flaw->offset, flaw->len, flaw->message);
            }
            break;
        case pugi::status_end_element_mismatch:
            return mismatch(at, last);
        case pugi::status_bad_end_element: {
            const std::size_t name = syntax_.markup_start(at - 1, "</") + 2;
            const std::size_t p = syntax_.skip_space(name + syntax_.name_at(name).size());
            return problem(p, p < text_.size() ? 1 : 0, "expected '>' to end the closing tag");
        }
        case pugi::status_bad_comment:
            if (last.type() == pugi::node_comment &&
                text_.find("-->", value_offset(last)) == std::string_view::npos)
                return problem(value_offset(last) - 4, 4, "unterminated comment");
            break;
        case pugi::status_bad_cdata:
            if (last.type() == pugi::node_cdata &&
                text_.find("]]>", value_offset(last)) == std::string_view::npos)
                return problem(value_offset(last) - 9, 9, "unterminated CDATA section");
            break;
        case pugi::status_bad_pi: {
            const std::size_t open = syntax_.markup_start(at, "<?");
            if (text_.find("?>", open + 2) == std::string_view::npos)
                return problem(open, 2, "unterminated processing instruction");
            return problem(open, 2, "invalid processing instruction");
        }
        case pugi::status_bad_doctype:
            return problem(syntax_.markup_start(at, "<!DOCTYPE"), 1,
                           open_element(at) ? "unexpected markup declaration"
                                            : "document type declarations are not supported");
        case pugi::status_unrecognized_tag:
            if (at > 0 && text_[at - 1] == '!')
                return problem(at - 2, 1, "unexpected markup declaration");
            return problem(at, at < text_.size() ? 1 : 0, "expected a name");
        case pugi::status_out_of_memory:
            return problem(at, 0, "out of memory while reading the document");
        default:
            break;
        }
        if (result.status == pugi::status_bad_comment || result.status == pugi::status_bad_cdata)
            return problem(syntax_.markup_start(at, "<!"), 1, "unexpected markup declaration");
        problem(at, 1, result.description());
    }

    // "</x" at `at` does not close the open element, or the text ended
    // with elements open.
    void mismatch(std::size_t at, pugi::xml_node last) {
        const bool closing_tag = at >= 2 && text_.substr(at - 2, 2) == "</";
        const std::size_t until = closing_tag ? at - 2 : text_.size();
        const pugi::xml_node open = innermost_open(until, last);
        if (!closing_tag) {
            const std::size_t name_at = open ? name_offset(open) : text_.size();
            return problem(name_at, syntax_.name_at(name_at).size(),
                           "element <" + std::string(syntax_.name_at(name_at)) +
                               "> is not closed");
        }
        if (!open)
            return problem(at - 2, 1, after_root(at) ? "unexpected content after the root element"
                                                     : "expected an element");
        const std::string_view end = syntax_.name_at(at);
        if (end.empty())
            return problem(at, at < text_.size() ? 1 : 0, "expected a name");
        problem(at, end.size(),
                "closing tag </" + std::string(end) + "> does not match <" +
                    std::string(syntax_.name_at(name_offset(open))) + "> opened at line " +
                    std::to_string(loc(name_offset(open), 0).line));
    }

    // The element still open at offset `until`: the text between the end of
    // the last node pugixml made and `until` holds only closing tags (every
    // other construct is a node), so counting them finds it on the chain of
    // the last node's ancestors.
    pugi::xml_node innermost_open(std::size_t until, pugi::xml_node last) const {
        std::size_t closed = 0;
        std::size_t from = end_of(last);
        if (last.type() == pugi::node_element && syntax_.start_tag(name_offset(last)).self_closing)
            ++closed;
        else if (last.type() != pugi::node_element && last)
            last = last.parent();
        closed += syntax_.closing_tags(from, until);
        for (pugi::xml_node n = last; n && n.type() == pugi::node_element; n = n.parent()) {
            if (closed == 0)
                return n;
            --closed;
        }
        return {};
    }

    bool after_root(std::size_t at) const {
        const pugi::xml_node root = doc_.find_child(
            [](pugi::xml_node n) { return n.type() == pugi::node_element; });
        return root && name_offset(root) < at;
    }

    bool open_element(std::size_t until) const {
        return static_cast<bool>(innermost_open(until, last_node()));
    }

    // Where a node's own text ends (for an element: its start tag).
    std::size_t end_of(pugi::xml_node n) const {
        switch (n.type()) {
        case pugi::node_element:
            return syntax_.start_tag(name_offset(n)).end;
        case pugi::node_pcdata:
            return std::min(text_.find('<', value_offset(n)), text_.size());
        case pugi::node_comment:
            return syntax_.after(value_offset(n), "-->");
        case pugi::node_cdata:
            return syntax_.after(value_offset(n), "]]>");
        case pugi::node_pi:
            return syntax_.after(name_offset(n), "?>");
        default: // a DOCTYPE: at the top level, where no element is open
            return n ? value_offset(n) : 0;
        }
    }

    pugi::xml_node last_node() const {
        pugi::xml_node n = doc_;
        while (n.last_child())
            n = n.last_child();
        return n == doc_ ? pugi::xml_node() : n;
    }

    static constexpr std::size_t kNowhere = SIZE_MAX;
    std::size_t offset_of(const char* p) const {
        if (p < buffer_.data() || p > buffer_.data() + buffer_.size())
            return kNowhere;
        return static_cast<std::size_t>(p - buffer_.data());
    }
    std::size_t name_offset(pugi::xml_node n) const { return offset_of(n.name()); }
    std::size_t value_offset(pugi::xml_node n) const { return offset_of(n.value()); }
    diag::Loc loc(std::size_t offset, std::size_t len) const {
        return lines_.loc(file_, offset, len);
    }

    std::string_view text_;
    XmlSyntax syntax_;
    std::string buffer_; // pugixml's in-place copy of text_
    diag::LineIndex lines_;
    diag::FileId file_;
    pugi::xml_document doc_;
    std::optional<Problem> problem_;
};

} // namespace

std::optional<Node> read_xml(std::string_view text, diag::FileId file, diag::Diagnostics& diags) {
    XmlReader reader(text, file);
    return reader.read(diags);
}

} // namespace rampart::parse
