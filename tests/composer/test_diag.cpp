// Diagnostics: rendering, ordering, summary lines, suggestions.
#include "diag/diagnostics.hpp"
#include "diag/suggest.hpp"

#include <catch2/catch.hpp>

using namespace rampart::diag;

TEST_CASE("an error renders as file:line:col, the line and a caret", "[diag]") {
    SourceManager sm;
    FileId f = sm.add("sys.xml", "<system>\n  <pd name=\"x\" />\n</system>\n");
    Diagnostics d;
    d.error({f, 2, 4, 2}, "unknown element <pd>");
    CHECK(render(sm, d) == "sys.xml:2:4: error: unknown element <pd>\n"
                           "  <pd name=\"x\" />\n"
                           "   ^~\n"
                           "1 error generated.\n");
}

TEST_CASE("tabs are expanded so the caret lines up", "[diag]") {
    SourceManager sm;
    FileId f = sm.add("t", "\tab\n");
    Diagnostics d;
    d.warning({f, 1, 2, 2}, "w");
    CHECK(render(sm, d) == "t:1:2: warning: w\n    ab\n    ^~\n1 warning generated.\n");
}

TEST_CASE("diagnostics are printed in source order with their notes", "[diag]") {
    SourceManager sm;
    FileId f = sm.add("f", "a\nb\nc\n");
    Diagnostics d;
    d.error({f, 3, 1, 1}, "third");
    d.note({f, 1, 1, 1}, "note of third");
    d.error({f, 2, 1, 1}, "second");
    d.error(Loc::whole(f), "whole file");
    std::string out = render(sm, d);
    CHECK(out.find("f:2:1: error: second") < out.find("f:3:1: error: third"));
    CHECK(out.find("f:3:1: error: third") < out.find("f:1:1: note: note of third"));
    CHECK(out.find("note of third") < out.find("f: error: whole file"));
    CHECK(out.ends_with("3 errors generated.\n"));
}

TEST_CASE("summary line counts warnings and errors", "[diag]") {
    SourceManager sm;
    Diagnostics d;
    CHECK(render(sm, d).empty());
    d.warning({}, "w1");
    d.warning({}, "w2");
    d.error({}, "e");
    CHECK(render(sm, d) ==
          "warning: w1\nwarning: w2\nerror: e\n2 warnings and 1 error generated.\n");
}

TEST_CASE("a caret past the end of the line still renders", "[diag]") {
    SourceManager sm;
    FileId f = sm.add("f", "ab");
    Diagnostics d;
    d.error({f, 1, 3, 0}, "end");
    d.error({f, 9, 1, 1}, "no such line");
    CHECK_NOTHROW(render(sm, d));
    CHECK(render(sm, d).find("ab\n  ^\n") != std::string::npos);
}

TEST_CASE("edit distance", "[diag][suggest]") {
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("priorty", "priority") == 1);
    CHECK(edit_distance("ab", "ba") == 1); // a swap is one edit
}

TEST_CASE("suggestions only for likely typos", "[diag][suggest]") {
    std::vector<std::string> words{"priority", "period", "passive"};
    CHECK(closest("priorty", words) == "priority");
    CHECK(closest("perod", words) == "period");
    CHECK_FALSE(closest("colour", words));
    CHECK_FALSE(closest("", words));
    CHECK(did_you_mean("pasive", words) == "; did you mean 'passive'?");
    CHECK(did_you_mean("zzz", words).empty());
}

TEST_CASE("a shortened name suggests the name it begins", "[diag][suggest]") {
    // Within the edit limit "prio" is closer to "period" (2 edits) than to
    // "priority" (4), but it is the start of "priority".
    std::vector<std::string> words{"name", "priority", "budget", "period", "stack_size"};
    CHECK(closest("prio", words) == "priority");
    CHECK(closest("stack", words) == "stack_size");
    CHECK(closest("budge", words) == "budget");
    // The shortest of several names the word begins; two letters are too few.
    CHECK(closest("setvar", {"setvar_vaddr", "setvar_size", "setvar_prefill_size"}) ==
          "setvar_size");
    CHECK_FALSE(closest("pr", {"priority", "prefill_path"}));
}
