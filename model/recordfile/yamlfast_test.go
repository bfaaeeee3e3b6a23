package recordfile

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/civicnet/civicnet/examples/synth"
)

// libraryTree parses data as parseYAML does with the YAML library, and
// fails where parseYAML would report a syntax error.
func libraryTree(data []byte, a *arena) (docs []*node, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("YAML library panicked: %v", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if err == io.EOF {
			return docs, nil
		}
		if err != nil {
			return docs, err
		}
		if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
			docs = append(docs, a.fromYAML(doc.Content[0], map[*yaml.Node]*node{}))
		}
	}
}

// treeDiff describes the first difference between two parses, or returns
// "" when they are the same tree: kinds, tags, values, positions.
func treeDiff(got, want []*node) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d documents, want %d", len(got), len(want))
	}
	for i := range got {
		if d := nodeDiff(got[i], want[i], fmt.Sprintf("doc[%d]", i)); d != "" {
			return d
		}
	}
	return ""
}

func nodeDiff(got, want *node, path string) string {
	switch {
	case got == nil || want == nil:
		if got != want {
			return fmt.Sprintf("%s: got %v, want %v", path, got, want)
		}
		return ""
	case got.kind != want.kind:
		return fmt.Sprintf("%s: kind %d, want %d", path, got.kind, want.kind)
	case got.tag != want.tag:
		return fmt.Sprintf("%s: tag %d, want %d (value %q)", path, got.tag, want.tag, want.value)
	case got.value != want.value:
		return fmt.Sprintf("%s: value %q, want %q", path, got.value, want.value)
	case got.line != want.line || got.col != want.col:
		return fmt.Sprintf("%s: at %d:%d, want %d:%d", path, got.line, got.col, want.line, want.col)
	case len(got.content) != len(want.content):
		return fmt.Sprintf("%s: %d children, want %d", path, len(got.content), len(want.content))
	case (got.alias == nil) != (want.alias == nil):
		return fmt.Sprintf("%s: alias %v, want %v", path, got.alias, want.alias)
	}
	for i := range got.content {
		if d := nodeDiff(got.content[i], want.content[i], fmt.Sprintf("%s[%d]", path, i)); d != "" {
			return d
		}
	}
	return ""
}

// checkFast asserts the differential property: when the fast parser takes
// the input, it yields the library's tree, and it never takes input the
// library rejects. It reports whether the fast parser took it.
func checkFast(t *testing.T, data []byte) bool {
	t.Helper()
	var fa, la arena
	got, ok := parseYAMLFast(data, &fa)
	if !ok {
		return false
	}
	want, err := libraryTree(data, &la)
	if err != nil {
		t.Fatalf("parseYAMLFast(%q) took input the library rejects: %v", data, err)
	}
	if d := treeDiff(got, want); d != "" {
		t.Fatalf("parseYAMLFast(%q): %s", data, d)
	}
	return true
}

// fastCases are inputs the fast parser must take (ok) and parse as the
// library does.
var fastCases = []struct{ name, src string }{
	{"empty", ""},
	{"comments only", "# a\n\n  # b\n"},
	{"scalar root", "hello\n"},
	{"scalar root no newline", "hello"},
	{"mapping", "a: 1\nb: two\n"},
	{"mapping CRLF", "a: 1\r\nb: two\r\nc:\r\n  - x\r\n"},
	{"mapping indented root", "  a: 1\n  b: 2\n"},
	{"null values", "a:\nb: ~\nc: null\nd: Null\ne: NULL\nf:   # comment\ng:"},
	{"null at end of file", "a: 1\nb:"},
	{"null then spaces", "a:   \nb:  \n"},
	{"key with spaces before colon", "a  : 1\nb : \n"},
	{"quoted keys", "\"a b\": 1\n'c''d': 2\n\"e\" : 3\n"},
	{"plain scalars", "a: hello world\nb: x:y\nc: a#b\nd: -x\ne: ?y\nf: :z\ng: a, b] c{d}\nh: é ü ñ\n"},
	{"comments after values", "a: b # c\nd: \"e\" # f\ng: [h] # i\nj: | # k\n  l\n"},
	{"comment lines between", "a: 1\n# x\n   # y\nb: 2\n  # z\nc:\n# w\n  d: 3\n"},
	{"tags resolved", "a: true\nb: False\nc: 12\nd: -3\ne: 1.5\nf: .inf\ng: 0x1F\nh: 2001-12-14\ni: 1e3\nj: 012\nk: 09\nl: +12\nm: 1_000\nn: <<\no: .nan\np: yes\nq: ~x\nr: 12345678901234567890\ns: 2011-07\n"},
	{"numbers as keys", "1: a\n2.5: b\ntrue: c\n"},
	{"double quoted escapes", `a: "x\"y\\z\n\t\0\a\b\v\f\r\e\ "` + "\n"},
	{"double quoted unicode escapes", `a: "\x41\u00e9\U0001F600\N\_\L\P"` + "\n"},
	{"double quoted spaces", "a: \"  x  \"\nb: \"\"\n"},
	{"single quoted", "a: 'it''s'\nb: ''\nc: 'a \"b\" \\n'\n"},
	{"quoted special words", "a: \"true\"\nb: 'null'\nc: \"12\"\n"},
	{"sequence", "- a\n- b\n- 3\n"},
	{"sequence of mappings", "- a: 1\n  b: 2\n- c: 3\n"},
	{"sequence wide indent", "-   a: 1\n    b: 2\n-    x\n"},
	{"nested sequences", "- - a\n  - b\n- - - c\n"},
	{"nested sequence mapping", "- - a: 1\n    b: 2\n  - c\n"},
	{"empty entries", "-\n- \n-   # c\n- a\n-"},
	{"entry on next line", "-\n  a: 1\n  b: 2\n-\n  - x\n-\n  y\n"},
	{"indentless sequence", "a:\n- x\n- y\nb: 1\n"},
	{"indentless sequence of mappings", "a:\n- x: 1\n  y: 2\n- z: 3\nb:\n-\n- w\n"},
	{"indentless in sequence item", "- a:\n  - x\n  b: 1\n"},
	{"indented sequence", "a:\n  - x\n  - y\nb:\n    - z\n"},
	{"nested mappings", "a:\n  b:\n    c: 1\n  d: 2\ne: 3\n"},
	{"value on next line", "a:\n  hello\nb:\n  \"q\"\nc:\n  [1, 2]\n"},
	{"flow sequence", "a: [1, two, \"three\", 'four', [5, 6], {b: c}]\n"},
	{"flow sequence trailing comma", "a: [x, y, ]\nb: []\nc: [ ]\n"},
	{"flow mapping", "name: {en: Florence, it: Firenze}\nb: {}\nc: {d: [1, 2], e: {f: g}}\n"},
	{"flow mapping empty values", "a: {b: , c}\nd: {e, f: g}\nh: {i:}\n"},
	{"flow mapping JSON style", "a: {\"b\":1, \"c\":\"d\"}\n"},
	{"flow plain with colons", "a: [http://x.org/a, b:c, d:]\nb: {e:f}\n"},
	{"flow dash scalars", "a: [-1, -x, -]\n"},
	{"flow root", "[a, b]\n"},
	{"flow in sequence", "- [a, b]\n- {c: d}\n"},
	{"literal", "a: |\n  line 1\n  line 2\nb: 1\n"},
	{"literal strip keep", "a: |-\n  x\n\nb: |+\n  y\n\n\nc: 1\n"},
	{"literal at end", "a: |\n  x\n  y"},
	{"literal at end keep", "a: |+\n  x\n\n"},
	{"literal blank lines inside", "a: |\n  x\n\n  y\n   \n  z\n"},
	{"literal more indented", "a: |\n  x\n    y\n  z\n"},
	{"literal whitespace line", "a: |\n  x\n      \n  y\n"},
	{"literal comment-like lines", "a: |\n  # not a comment\n  x\n# comment\nb: 1\n"},
	{"literal dedented comment", "a: |\n    x\n  # comment\nb: 1\n"},
	{"literal empty", "a: |\nb: 1\n"},
	{"literal empty at end", "a: |"},
	{"literal empty at end newline", "a: >-\n"},
	{"literal trailing spaces", "a: |\n  x  \n  y\n"},
	{"literal CRLF", "a: |\r\n  x\r\n  y\r\nb: 1\r\n"},
	{"literal in sequence", "- |\n  x\n- >\n  y\n  z\n"},
	{"literal in sequence mapping", "- a: |\n    x\n  b: 1\n"},
	{"literal root", "|\n  x\n"},
	{"literal one space indent", "- |\n x\n"},
	{"folded", "a: >\n  one\n  two\n\n  three\n\n\n  four\nb: 1\n"},
	{"folded strip", "description: >-\n  European project that aims\n  to strengthen.\n"},
	{"folded keep", "a: >+\n  x\n  y\n\n"},
	{"documents", "---\na: 1\n---\nb: 2\n"},
	{"implicit then explicit", "a: 1\n---\nb: 2\n"},
	{"empty documents", "---\n---\na: 1\n---\n"},
	{"empty document no newline", "---"},
	{"empty document spaces", "---\n  "},
	{"empty document comment", "---\n# c"},
	{"separator with comment", "--- # c\na: 1\n---   \nb: 2\n"},
	{"comment before first document", "# c\n---\na: 1\n"},
	{"sequence document", "---\n- a\n---\n- b\n"},
	{"non-ASCII columns", "clé: [é, \"ü\", {ñ: ø}]\nnom: valeur\n"},
	{"long key", strings.Repeat("k", 1000) + ": v\n"},
	{"dash keys", "-a: 1\n--b: 2\n"},
	{"scalar document then comment", "x # c\n# d\n"},
	{"deep nesting", "a:\n" + func() string {
		var b strings.Builder
		for i := 1; i < 60; i++ {
			b.WriteString(strings.Repeat(" ", i) + "b:\n")
		}
		return b.String()
	}()},
	{"deep flow", "a: " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n"},
	{"quoted items and keys in sequences", "- 'a': b\n  \"c\": d\n- \"e\"\n- 'f' # g\n"},
	{"quoted key then indentless sequence", "\"a\":\n- b\n'c':\n  - d\n"},
	{"empty entry in indented sequence", "a:\n  - b\n  -\n  - c\n"},
	{"blank lines before nested", "a:\n\n\n  b: 1\n\n"},
	{"literal clip trailing blank lines", "a: |\n  x\n\n\nb: 1\n"},
	{"folded clip at end", "a: >\n  x\n\n"},
	{"literal strip trailing spaces line", "a: |-\n  x\n  "},
	{"literal then empty entry", "- |\n  x\n-"},
	{"unicode keys", "ключ: значение\n日本: [語, \"語\"]\n"},
	{"numbers", "a: 0o17\nb: -0b101\nc: 1__0\nd: .5\ne: -.inf\nf: +.INF\ng: 1e\nh: 0x\ni: 2001-01-01T00:00:00Z\nj: 2001-1-2\nk: 0\nl: -0\nm: 00\nn: 9223372036854775808\n"},
	{"sequence documents", "- a\n---\n- b\n"},
	{"comments around keys", "a: 1 #c\n#d\nb: 2\n"},
	{"flow CRLF", "a: [b, c]\r\nd: {e: f}\r\n"},
	{"flow spaces", "a: [ b , c ]\nd: {e: f , g: h}\ni: [\"j\" , 'k' ]\n"},
	{"flow nested empty", "a: [[], {}, [[]], {b: {}}]\n"},
	{"flow quoted keys", "a: {\"b c\": d, 'e': f}\n"},
	{"flow key colon value", "a: {b:c, d: e}\n"},
	{"plain with quotes inside", "a: b\"c\nd: e'f\n"},
	{"plain trailing spaces", "a: b   \nc: d e   # f\n"},
	{"comment after dash", "- # c\n  a: 1\n"},
	{"dash then nested sequence on next line", "-\n  - a\n  - b\n"},
	{"synth record", `kind: "organization"
id: "org-0"
name: {en: "The youth safety body", it: "L'ente youth safety"}
memberships: [{organization: "org-16", role: "executive-committee-member", during: "2011-02"}]
topics: ["digital"]
`},
}

// slowCases are inputs the fast parser leaves to the library.
var slowCases = []struct{ name, src string }{
	{"tab indentation", "a:\n\tb: 1\n"},
	{"tab in value", "a: b\tc\n"},
	{"anchor", "a: &x 1\nb: *x\n"},
	{"alias", "a: *x\n"},
	{"tag", "a: !!str 1\n"},
	{"directive", "%YAML 1.2\n---\na: 1\n"},
	{"complex key", "? a\n: b\n"},
	{"document end", "a: 1\n...\n"},
	{"content after separator", "--- a\n"},
	{"block after separator", "--- |\n  x\n"},
	{"multi-line plain", "a: b\n  c\n"},
	{"multi-line plain root", "a\nb\n"},
	{"multi-line plain after blank", "a: b\n\n  c\n"},
	{"multi-line plain in sequence", "- a\n  b\n"},
	{"multi-line double quoted", "a: \"b\n  c\"\n"},
	{"multi-line single quoted", "a: 'b\n  c'\n"},
	{"escaped line break", "a: \"b\\\n  c\"\n"},
	{"multi-line flow", "a: [b,\n  c]\n"},
	{"flow comment", "a: [b, # c\n  d]\n"},
	{"indentation indicator", "a: |2\n   x\n"},
	{"leading blank line", "a: |\n\n  x\n"},
	{"folded more indented", "a: >\n  x\n    y\n"},
	{"mapping value in value", "a: b: c\n"},
	{"value ends with colon", "a: b:\n"},
	{"sequence in value", "a: - b\n"},
	{"bad indentation", "a: 1\n  b: 2\n"},
	{"bad dedent", "a:\n    b: 1\n  c: 2\n"},
	{"key without colon", "a: 1\nb\n"},
	{"sequence then key", "- a\nb: 1\n"},
	{"mapping then dash", "a: 1\n- b\n"},
	{"bad escape", "a: \"\\q\"\n"},
	{"slash escape", "a: \"\\/\"\n"},
	{"bad unicode escape", "a: \"\\ud800\"\n"},
	{"unclosed quote", "a: \"b\n"},
	{"unclosed flow", "a: [b\n"},
	{"flow pair in sequence", "a: [b: c]\n"},
	{"flow key collection", "a: {[b]: c}\n"},
	{"flow question mark", "a: [?b]\n"},
	{"flow empty entry", "a: [b,,c]\n"},
	{"flow then text", "a: [b] c\n"},
	{"flow as key", "[a]: b\n"},
	{"quoted then text", "a: \"b\" c\n"},
	{"quoted as key in value", "a: \"b\": c\n"},
	{"invalid UTF-8", "a: \xff\n"},
	{"control character", "a: \x01\n"},
	{"lone CR", "a: 1\rb: 2\n"},
	{"NEL", "a: b\u0085c\n"},
	{"line separator", "a: b\u2028c\n"},
	{"BOM inside", "a: \ufeffb\n"},
	{"reserved character", "a: @b\n"},
	{"backquote", "a: `b`\n"},
	{"percent value", "a: %b\n"},
	{"key too long", strings.Repeat("k", 1100) + ": v\n"},
	{"too deep", "a: " + strings.Repeat("[", 300) + strings.Repeat("]", 300) + "\n"},
	{"dash at end of key line", "a: -\n"},
	{"root then more", "a: 1\n---x\n"},
	{"comment without space after quoted", "a: \"b\"#c\n"},
	{"comment without space after flow", "a: [b]#c\n"},
	{"flow quoted then pair", "a: [\"b\": c]\n"},
	{"flow quoted key without colon", "a: {\"b\" \"c\"}\n"},
}

func TestParseYAMLFast(t *testing.T) {
	for _, tc := range fastCases {
		t.Run(tc.name, func(t *testing.T) {
			if !checkFast(t, []byte(tc.src)) {
				_, err := libraryTree([]byte(tc.src), new(arena))
				t.Fatalf("parseYAMLFast(%q) gave up (library error: %v)", tc.src, err)
			}
		})
	}
}

func TestParseYAMLFastGivesUp(t *testing.T) {
	for _, tc := range slowCases {
		t.Run(tc.name, func(t *testing.T) {
			if checkFast(t, []byte(tc.src)) {
				t.Fatalf("parseYAMLFast(%q) = ok, want a fallback to the library", tc.src)
			}
		})
	}
}

// TestParseYAMLFastExamples checks the record files of the examples: all
// but those in slowExamples are in the fast parser's subset.
func TestParseYAMLFastExamples(t *testing.T) {
	slowExamples := map[string]bool{
		"events/fisu-events.yaml": true, // anchors and aliases
	}
	err := filepath.WalkDir("../../examples", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".yaml") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		name, _ := filepath.Rel("../../examples", path)
		name = filepath.ToSlash(name)
		t.Run(name, func(t *testing.T) {
			if ok := checkFast(t, data); ok == slowExamples[name] {
				t.Fatalf("parseYAMLFast(%s) ok = %v, want %v", name, ok, !slowExamples[name])
			}
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestParseYAMLFastCorpus runs the differential check over the validate
// corpus, whose broken files must fall back or parse as the library does.
func TestParseYAMLFastCorpus(t *testing.T) {
	err := filepath.WalkDir("../../validate/testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() || !IsRecordFile(path) || strings.HasSuffix(path, ".json") {
			return err // a broken symbolic link is part of the corpus
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		t.Run(filepath.ToSlash(path), func(t *testing.T) { checkFast(t, data) })
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func synthYAML(t testing.TB, records int, seed uint64) []byte {
	var b bytes.Buffer
	if err := synth.Generate(&b, 0, records, synth.Options{Records: records, Seed: seed}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestParseYAMLFastSynth(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			if !checkFast(t, synthYAML(t, 2000, seed)) {
				t.Fatal("parseYAMLFast gave up on a synthetic file")
			}
		})
	}
}

// yamlFragments are pieces of YAML that fragmentYAML strings together,
// so that random and fuzzed input has structure more often than random
// bytes do.
var yamlFragments = []string{
	"\n", "\n", "\n  ", "\n    ", "\n- ", "\n  - ", " ", "  ", "- ", "-",
	"a", "b: ", "key", ":", ": ", "x y", "é", "-1", "12", "1.5",
	"null", "~", "true", "2001-01-01", "http://x", "\"q\"", "'s'", `"\n\u00e9"`, "'it''s'", `"`,
	"'", "\\", "[", "]", "{", "}", ", ", ",", "#c", " # c",
	"|", "|-", "|+", ">", ">-", "---\n", "---", "...", "\r\n", "\t",
	"&a ", "*a", "!t ", "? ", "%", "@", "\n\n", "a: b\n", "- a\n", "  c: d\n",
	"[a, b]", "{a: b}", "   ", "\n      ",
}

// fragmentYAML reads data as a list of fragments.
func fragmentYAML(data []byte) []byte {
	var b []byte
	for _, c := range data {
		b = append(b, yamlFragments[int(c)%len(yamlFragments)]...)
	}
	return b
}

// yamlGen writes random YAML shaped like record files: block mappings
// and sequences nested at random indentations, indentless sequences,
// every kind of scalar, flow collections, block scalars, empty values,
// comments, blank lines and documents.
type yamlGen struct {
	rnd  *rand.Rand
	b    []byte
	crlf bool
}

var (
	genPlain = []string{"a", "x y", "null", "~", "Null", "true", "FALSE", "12", "-3", "1.5", ".inf",
		"0x1F", "2001-01-01", "2011-07", "-x", "a#b", "x:y", "http://e.org/a?b=c", "é ü", "日本", "<<",
		"yes", "1e3", "012", "a, b", "c]d", "?q", ":z", "x  y", "a'b\"c"}
	genFlowPlain = []string{"a", "x y", "null", "~", "12", "1.5", "-1", "-", "http://e.org/a", "é", "x:y", "a#b", "2001-01-01"}
	genQuoted    = []string{`""`, `"a"`, `"a b "`, `"x\"y\\z"`, `"\t\n\u00e9\x41"`, `"# no"`, `"a: b"`, `''`, `'it''s'`, `'a "b"'`, `' x '`}
	genKeys      = []string{"kind", "id", "name", "en", "it", "a b", "-k", "1", "true", "null", "é", `"q k"`, `'s k'`, "k#"}
)

func (g *yamlGen) one(xs []string) string { return xs[g.rnd.IntN(len(xs))] }

func (g *yamlGen) chance(n int) bool { return g.rnd.IntN(n) == 0 }

func (g *yamlGen) str(s string) { g.b = append(g.b, s...) }

func (g *yamlGen) spaces(n int) { g.b = append(g.b, strings.Repeat(" ", n)...) }

// nl ends a line, now and then with trailing spaces, a comment, blank
// lines or comment lines.
func (g *yamlGen) nl() {
	if g.chance(8) {
		g.spaces(1 + g.rnd.IntN(2))
	}
	if g.chance(10) {
		g.str(" # c")
	}
	eol := "\n"
	if g.crlf {
		eol = "\r\n"
	}
	g.str(eol)
	for g.chance(8) {
		if g.chance(2) {
			g.spaces(g.rnd.IntN(6))
			g.str("# comment")
		}
		g.str(eol)
	}
}

func (g *yamlGen) scalar() string {
	if g.chance(3) {
		return g.one(genQuoted)
	}
	return g.one(genPlain)
}

func (g *yamlGen) flow(depth int) {
	sep := func() {
		g.str(",")
		if !g.chance(4) {
			g.str(" ")
		}
	}
	item := func() {
		switch {
		case depth < 2 && g.chance(5):
			g.flow(depth + 1)
		case g.chance(3):
			g.str(g.one(genQuoted))
		default:
			g.str(g.one(genFlowPlain))
		}
	}
	n := g.rnd.IntN(4)
	end := "]"
	if g.chance(2) {
		g.str("[")
		for i := range n {
			if i > 0 {
				sep()
			}
			item()
		}
	} else {
		end = "}"
		g.str("{")
		for i := range n {
			if i > 0 {
				sep()
			}
			g.str(g.one(genKeys))
			switch {
			case g.chance(6): // a key alone
			case g.chance(6):
				g.str(":")
			default:
				g.str(": ")
				item()
			}
		}
	}
	if n > 0 && g.chance(6) {
		sep()
	}
	g.str(end)
}

// blockScalar writes a block scalar header and its lines, indented more
// than parent.
func (g *yamlGen) blockScalar(parent int) {
	literal := g.chance(2)
	if literal {
		g.str("|")
	} else {
		g.str(">")
	}
	g.str(g.one([]string{"", "", "-", "+"}))
	g.nl()
	ind := max(parent+1+g.rnd.IntN(3), 1)
	for i := range 1 + g.rnd.IntN(4) {
		if i > 0 && g.chance(4) {
			g.str("\n")
		}
		g.spaces(ind)
		if i > 0 && g.chance(6) && (literal || g.chance(4)) {
			g.spaces(1 + g.rnd.IntN(2)) // more indented: folded ones are left to the library
		}
		g.str(g.one(genPlain))
		g.str("\n")
	}
	for g.chance(4) {
		g.str("\n")
	}
}

// value writes what follows `key:` or `- `, on the same line or below.
func (g *yamlGen) value(ind int, depth int) {
	switch r := g.rnd.IntN(10); {
	case r < 4 || depth > 4:
		g.str(" " + g.scalar())
		g.nl()
	case r < 5:
		g.str(" ")
		g.flow(0)
		g.nl()
	case r < 6:
		g.str(" ")
		g.blockScalar(ind)
	case r < 7: // empty
		g.nl()
	case r < 8:
		g.nl()
		g.sequence(ind+g.rnd.IntN(3), depth+1, false)
	default:
		g.nl()
		g.mapping(ind+1+g.rnd.IntN(3), depth+1, false)
	}
}

// mapping writes a block mapping at indentation ind; inline is set when
// its first key follows `- ` on the current line.
func (g *yamlGen) mapping(ind, depth int, inline bool) {
	for i := range 1 + g.rnd.IntN(4) {
		if i > 0 || !inline {
			g.spaces(ind)
		}
		g.str(g.one(genKeys))
		if g.chance(10) {
			g.str(" ")
		}
		g.str(":")
		g.value(ind, depth)
	}
}

// sequence writes a block sequence at indentation ind.
func (g *yamlGen) sequence(ind, depth int, inline bool) {
	for i := range 1 + g.rnd.IntN(4) {
		if i > 0 || !inline {
			g.spaces(ind)
		}
		g.str("-")
		switch r := g.rnd.IntN(10); {
		case r < 3 || depth > 4:
			g.value(ind, depth)
		case r < 6:
			pad := 1 + g.rnd.IntN(3)
			g.spaces(pad)
			g.mapping(ind+1+pad, depth+1, true)
		case r < 7:
			g.str(" ")
			g.sequence(ind+2, depth+1, true)
		default:
			g.value(ind, depth+1)
		}
	}
}

// document writes a stream of one or more documents.
func (g *yamlGen) document() []byte {
	g.b = g.b[:0]
	g.crlf = g.chance(6)
	for i := range 1 + g.rnd.IntN(3) {
		if i > 0 || g.chance(3) {
			g.str("---")
			g.nl()
		}
		switch r := g.rnd.IntN(10); {
		case r < 6:
			g.mapping(g.rnd.IntN(2), 0, false)
		case r < 9:
			g.sequence(0, 0, false)
		default:
			g.str(g.scalar())
			g.nl()
		}
	}
	return g.b
}

// perturb makes a few random edits, which mostly make the input invalid
// or push it outside the fast parser's subset.
func perturb(rnd *rand.Rand, b []byte) []byte {
	const chars = " \n-:#'\"[]{}|>,?&*!\tx."
	for range 1 + rnd.IntN(2) {
		i := rnd.IntN(len(b) + 1)
		if rnd.IntN(2) == 0 && i < len(b) {
			b = append(b[:i], b[i+1:]...)
		} else {
			b = append(b[:i], append([]byte{chars[rnd.IntN(len(chars))]}, b[i:]...)...)
		}
	}
	return b
}

// TestParseYAMLFastRandom runs the differential check over random record
// files, as generated and slightly broken, and over fragment soups.
func TestParseYAMLFastRandom(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	g := &yamlGen{rnd: rnd}
	runs := 2000
	if testing.Short() {
		runs = 1000
	}
	fast, broken, fragments := 0, 0, 0
	for range runs {
		doc := g.document()
		if checkFast(t, doc) {
			fast++
		}
		if checkFast(t, perturb(rnd, append([]byte(nil), doc...))) {
			broken++
		}
		soup := make([]byte, 1+rnd.IntN(40))
		for i := range soup {
			soup[i] = byte(rnd.IntN(256))
		}
		if checkFast(t, fragmentYAML(soup)) {
			fragments++
		}
	}
	t.Logf("taken by the fast parser: %d of %d generated files, %d perturbed, %d fragment soups", fast, runs, broken, fragments)
}

// FuzzYAMLFast checks the differential property on any input, read as it
// is and as fragments, and on a generated file: no panic; when the fast parser takes the input, the
// library parses it to the same tree; when the library rejects it, so
// does the fast parser.
func FuzzYAMLFast(f *testing.F) {
	for _, tc := range fastCases {
		f.Add([]byte(tc.src))
	}
	for _, tc := range slowCases {
		f.Add([]byte(tc.src))
	}
	f.Add(synthYAML(f, 5, 1))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		checkFast(t, data)
		checkFast(t, fragmentYAML(data))
		// A generated file, seeded by the input, as is and broken.
		h := fnv.New64a()
		h.Write(data)
		rnd := rand.New(rand.NewPCG(h.Sum64(), 0))
		doc := (&yamlGen{rnd: rnd}).document()
		checkFast(t, doc)
		checkFast(t, perturb(rnd, doc))
	})
}

func benchYAML(b *testing.B, parse func([]byte, *arena)) {
	data := synthYAML(b, 10000, 1)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var a arena
	for b.Loop() {
		parse(data, &a)
		a.reset()
	}
}

func BenchmarkParseYAMLFast(b *testing.B) {
	benchYAML(b, func(data []byte, a *arena) {
		if _, ok := parseYAMLFast(data, a); !ok {
			b.Fatal("parseYAMLFast gave up")
		}
	})
}

func BenchmarkParseYAMLLibrary(b *testing.B) {
	benchYAML(b, func(data []byte, a *arena) {
		if _, err := libraryTree(data, a); err != nil {
			b.Fatal(err)
		}
	})
}

// TestParseYAMLFastReuse checks that nothing of a parse that gave up
// leaks into the next one through the pool of parser states.
func TestParseYAMLFastReuse(t *testing.T) {
	for range 10 {
		checkFast(t, []byte("a: 1\n---\n- x\n  y: 2\n"))
		checkFast(t, []byte("---\n---x"))
		checkFast(t, []byte(""))
		checkFast(t, []byte("a: 1\n"))
	}
}
