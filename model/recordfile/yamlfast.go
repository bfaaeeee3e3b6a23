package recordfile

import (
	"bytes"
	"encoding/binary"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// parseYAMLFast parses the YAML that record files are written in into the
// tree that arena.fromYAML builds from the YAML library's parse — the same
// kinds, values, tags, lines and columns — at several times the library's
// speed. It reads block mappings with plain or quoted keys, block
// sequences, one-line plain and quoted scalars, one-line flow collections,
// literal and folded block scalars, comments and `---` between documents.
//
// On anything else (anchors, aliases, tags, multi-line flow scalars and
// collections, tabs, directives, and whatever the library would reject) it
// returns ok=false, and the caller parses the file again with the library,
// which also words the errors. The rules below mirror the library's
// scanner (go.yaml.in/yaml/v3 scannerc.go); where a rule would be subtle
// the parser gives up instead of imitating it.
func parseYAMLFast(data []byte, a *arena) (docs []*node, ok bool) {
	return parseYAMLFastEach(data, a, nil)
}

// parseYAMLFastEach is parseYAMLFast handing each document to each as soon
// as it is parsed, instead of returning them all; it returns ok=false, as
// parseYAMLFast does, when it gives up, which may be after some documents
// were handed over. When each returns, the parser no longer refers to the
// document's nodes, so each may reset the arena: a file of ten thousand
// records is then read through a few kilobytes of nodes that stay in the
// processor's cache, rather than through a tree of megabytes.
func parseYAMLFastEach(data []byte, a *arena, each func(*node)) (docs []*node, ok bool) {
	if !fastYAMLText(data) {
		return nil, false
	}
	p := yamlParsers.Get().(*yamlParser)
	p.a, p.data, p.line = a, data, 1
	docs, ok = p.documents(each)
	p.a, p.data = nil, nil
	p.off, p.lineStart, p.colOff, p.colN, p.depth = 0, 0, 0, 0, 0
	p.stack = p.stack[:0]
	yamlParsers.Put(p)
	return docs, ok
}

// yamlParser is the state of one parseYAMLFast call. Functions that parse a
// node return nil to give up.
type yamlParser struct {
	a    *arena
	data []byte
	off  int // the next byte to read

	line      int // 1-based line of off
	lineStart int // offset where that line starts
	// colOff and colN cache the column of one offset on the current line,
	// so that columns cost O(n) over a line with many flow items.
	colOff, colN int

	// ind is the indentation of the line content stopped at, or -1 at the
	// end of a document; sep is set when that end is a `---` line.
	ind int
	sep bool

	depth int
	stack []*node // children of the open collections
	buf   []byte  // a value being unescaped or folded

	// short holds recent short scalars: a file repeats a few dozen keys
	// and values (kinds, roles, country codes) thousands of times, and
	// records keep them, so one copy of each saves both time and memory.
	// It is direct-mapped, which costs less than a map and bounds it.
	short [1024]string
}

var yamlParsers = sync.Pool{New: func() any { return new(yamlParser) }}

const (
	// maxFastDepth bounds the nesting the fast parser follows; deeper
	// input goes to the library, which has its own limits.
	maxFastDepth = 200
	// maxKeyLen is the longest implicit key YAML allows, in characters
	// (compared here with a length in bytes, which is never smaller).
	maxKeyLen = 1024
	// maxShort is the length up to which scalars are shared.
	maxShort = 32
)

// fastYAMLText reports whether data holds only characters the library
// reads as the fast parser does: printable UTF-8, LF or CRLF line ends and
// no tabs. The library rejects other control characters and reads NEL, LS,
// PS and a lone CR as line breaks; tabs are allowed in some places only.
func fastYAMLText(data []byte) bool {
	for i := 0; i < len(data); {
		if i+8 <= len(data) {
			// Skip eight printable ASCII bytes at a time: none has the
			// high bit set, is below 0x20 or is 0x7f.
			const ones, highs = 0x0101010101010101, 0x8080808080808080
			w := binary.LittleEndian.Uint64(data[i:])
			del := w ^ 0x7f*ones
			if (w|(w-0x20*ones)|(del-ones)&^del)&highs == 0 {
				i += 8
				continue
			}
		}
		c := data[i]
		if c >= 0x20 && c < 0x7f || c == '\n' {
			i++
			continue
		}
		switch {
		case c == '\r':
			if i+1 >= len(data) || data[i+1] != '\n' {
				return false
			}
			i += 2
		case c < 0x80:
			return false
		default:
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 || r < 0xa0 || r == 0x2028 || r == 0x2029 || r == 0xfeff || r == 0xfffe || r == 0xffff {
				return false
			}
			i += size
		}
	}
	return true
}

// documents parses the stream: an implicit first document, then one per
// `---` line. It returns the documents, or hands each to each when each is
// not nil.
func (p *yamlParser) documents(each func(*node)) ([]*node, bool) {
	var docs []*node
	if !p.content() {
		return nil, false
	}
	if p.ind < 0 && !p.sep {
		return nil, true // nothing but comments
	}
	for {
		if p.sep {
			p.nextLine(p.off)
			if !p.content() {
				return nil, false
			}
		}
		var root *node
		if p.ind < 0 {
			// An empty document holds a null at the next token: the
			// next `---` or the end of the stream.
			line, col := p.line, 1
			if !p.sep {
				line = 1 + bytes.Count(p.data, []byte("\n"))
				if len(p.data) > 0 && p.data[len(p.data)-1] != '\n' {
					line++
				}
			}
			root = p.a.node(scalarNode, tagNull, line, col)
		} else {
			root = p.block(-1)
			if root == nil || p.ind >= 0 {
				return nil, false
			}
		}
		if each != nil {
			each(root)
		} else {
			docs = append(docs, root)
		}
		if !p.sep {
			return docs, true
		}
	}
}

// nextLine moves to the start of the line after the one holding offset i.
func (p *yamlParser) nextLine(i int) {
	j := bytes.IndexByte(p.data[i:], '\n')
	if j < 0 {
		p.off = len(p.data)
		return
	}
	p.off = i + j + 1
	p.line++
	p.lineStart = p.off
}

// content moves from the start of a line to the first token of the next
// line that has one, past blank and comment lines, and sets p.ind. At the
// end of the stream or at a `---` line it sets p.ind to -1. It gives up on
// directives and on `...` and `---` lines with more on them.
func (p *yamlParser) content() bool {
	d := p.data
	p.sep = false
	for p.off < len(d) {
		i := p.off
		for i < len(d) && d[i] == ' ' {
			i++
		}
		if i == len(d) {
			p.off = i
			break
		}
		switch d[i] {
		case '\n', '\r', '#':
			p.nextLine(i)
			continue
		}
		p.off = i
		p.ind = i - p.lineStart
		if p.ind == 0 {
			switch d[i] {
			case '%':
				return false
			case '-', '.':
				if i+3 <= len(d) && (string(d[i:i+3]) == "---" || string(d[i:i+3]) == "...") {
					if d[i] == '.' || !p.blankz(i+3) {
						return false
					}
					j := i + 3
					for j < len(d) && d[j] == ' ' {
						j++
					}
					if j < len(d) && d[j] != '\n' && d[j] != '\r' && !(d[j] == '#' && j > i+3) {
						return false // content after ---
					}
					p.ind, p.sep = -1, true
				}
			}
		}
		return true
	}
	p.ind = -1
	return true
}

// endLine checks that only spaces and a comment follow p.off on its line
// and moves to the next line's first token.
func (p *yamlParser) endLine() bool {
	d := p.data
	i := p.off
	for i < len(d) && d[i] == ' ' {
		i++
	}
	if i < len(d) && d[i] != '\n' && d[i] != '\r' && !(d[i] == '#' && i > p.off) {
		return false
	}
	p.nextLine(i)
	return p.content()
}

// blankz reports whether offset i holds a space, a line break or the end.
func (p *yamlParser) blankz(i int) bool {
	return i >= len(p.data) || p.data[i] == ' ' || p.data[i] == '\n' || p.data[i] == '\r'
}

// eol reports whether offset i is at a line break or the end.
func (p *yamlParser) eol(i int) bool {
	return i >= len(p.data) || p.data[i] == '\n' || p.data[i] == '\r'
}

// restBlank reports whether only spaces and a comment follow p.off on
// its line, p.off being just after an indicator.
func (p *yamlParser) restBlank() bool {
	i := p.off
	for i < len(p.data) && p.data[i] == ' ' {
		i++
	}
	return p.eol(i) || p.data[i] == '#' && i > p.off
}

func (p *yamlParser) spaces() {
	for p.off < len(p.data) && p.data[p.off] == ' ' {
		p.off++
	}
}

// col returns the 1-based column, in characters, of offset off on the
// current line.
func (p *yamlParser) col(off int) int {
	if p.colOff <= p.lineStart || p.colOff > off {
		p.colOff, p.colN = p.lineStart, 1
	}
	for _, c := range p.data[p.colOff:off] {
		if c&0xc0 != 0x80 {
			p.colN++
		}
	}
	p.colOff = off
	return p.colN
}

func (p *yamlParser) enter() bool {
	p.depth++
	return p.depth <= maxFastDepth
}

// block parses the block node at p.off, at the start of its line or after
// `- `; parent is the indentation of the enclosing block collection (-1
// for the root). It returns with p at the next line's first token.
func (p *yamlParser) block(parent int) *node {
	if !p.enter() {
		return nil
	}
	defer func() { p.depth-- }()
	d := p.data
	ind := p.off - p.lineStart
	switch d[p.off] {
	case '-':
		if p.blankz(p.off + 1) {
			return p.sequence(ind)
		}
	case '[', '{':
		n := p.flow()
		if n == nil || !p.endLine() {
			return nil
		}
		return n
	case '|', '>':
		return p.blockScalar(parent)
	}
	start := p.off
	n, colon := p.scalar()
	if n == nil {
		return nil
	}
	if colon {
		if p.off-start > maxKeyLen {
			return nil
		}
		return p.mapping(ind, n)
	}
	if !p.endLine() {
		return nil
	}
	return n
}

// scalar reads a one-line quoted or plain scalar in the block context and
// reports whether a `: ` follows it, making it a key; p.off is then at the
// colon.
func (p *yamlParser) scalar() (n *node, colon bool) {
	d := p.data
	start := p.off
	line, col := p.line, p.col(start)
	if c := d[start]; c == '"' || c == '\'' {
		s, ok := p.quoted()
		if !ok {
			return nil, false
		}
		n = p.a.node(scalarNode, tagStr, line, col)
		n.value = s
		i := p.off
		for i < len(d) && d[i] == ' ' {
			i++
		}
		if i < len(d) && d[i] == ':' && p.blankz(i+1) {
			p.off = i
			return n, true
		}
		return n, false
	}
	if !p.plainStart(false) {
		return nil, false
	}
	end, colon := p.plain(false)
	s := d[start:end]
	n = p.a.node(scalarNode, resolvePlain(s), line, col)
	n.value = p.text(s)
	if colon {
		p.spaces()
	}
	return n, colon
}

// text returns a copy of b, or the copy made earlier if b is short and
// was met recently. Values are copied, not cut from one string of the
// whole file: records keep them, and would keep the file's text alive.
// Measured over 10^6 records, copies also cost less time and memory than
// substrings or values carved from shared blocks.
func (p *yamlParser) text(b []byte) string {
	n := len(b)
	if n == 0 || n > maxShort {
		return string(b)
	}
	h := (uint(n)*0x9e37 ^ uint(b[0])*0x2f1 ^ uint(b[n/2])*0x61 ^ uint(b[n-1])) % uint(len(p.short))
	if s := p.short[h]; s == string(b) {
		return s
	}
	s := string(b)
	p.short[h] = s
	return s
}

// mapping parses a block mapping at indentation ind whose first key has
// been read; p.off is at that key's colon.
func (p *yamlParser) mapping(ind int, key *node) *node {
	m := p.a.node(mappingNode, tagStr, int(key.line), int(key.col))
	base := len(p.stack)
	for {
		// An empty value sits just after the colon.
		line, col := p.line, p.col(p.off)+1
		p.off++
		var v *node
		if p.restBlank() {
			if !p.endLine() {
				return nil
			}
			switch {
			case p.ind > ind:
				v = p.block(ind)
			case p.ind == ind && p.dash():
				v = p.sequence(ind) // `key:` then `- item` at the key's indentation
			default:
				v = p.a.node(scalarNode, tagNull, line, col)
			}
		} else {
			p.spaces()
			v = p.value(ind)
		}
		if v == nil {
			return nil
		}
		p.stack = append(p.stack, key, v)
		if p.ind > ind {
			return nil // a continuation line or bad indentation
		}
		if p.ind < ind {
			break
		}
		start := p.off
		var colon bool
		key, colon = p.scalar()
		if key == nil || !colon || p.off-start > maxKeyLen {
			return nil
		}
	}
	m.content = p.a.children(p.stack[base:])
	p.stack = p.stack[:base]
	return m
}

// dash reports whether p.off is at a block sequence entry.
func (p *yamlParser) dash() bool {
	return p.data[p.off] == '-' && p.blankz(p.off+1)
}

// value parses a mapping value on the key's line.
func (p *yamlParser) value(parent int) *node {
	d := p.data
	switch d[p.off] {
	case '[', '{':
		n := p.flow()
		if n == nil || !p.endLine() {
			return nil
		}
		return n
	case '|', '>':
		return p.blockScalar(parent)
	}
	n, colon := p.scalar()
	if n == nil || colon || !p.endLine() {
		return nil
	}
	return n
}

// sequence parses a block sequence whose `-` indicators are at
// indentation ind; p.off is at the first one.
func (p *yamlParser) sequence(ind int) *node {
	s := p.a.node(sequenceNode, tagStr, p.line, ind+1)
	base := len(p.stack)
	for {
		line := p.line
		p.off++
		var v *node
		if p.restBlank() {
			if !p.endLine() {
				return nil
			}
			if p.ind > ind {
				v = p.block(ind)
			} else {
				v = p.a.node(scalarNode, tagNull, line, ind+2)
			}
		} else {
			p.spaces()
			v = p.block(ind)
		}
		if v == nil {
			return nil
		}
		p.stack = append(p.stack, v)
		if p.ind > ind {
			return nil
		}
		if p.ind < ind || !p.dash() {
			break
		}
	}
	s.content = p.a.children(p.stack[base:])
	p.stack = p.stack[:base]
	return s
}

// blockScalar parses a literal (|) or folded (>) scalar whose header is at
// p.off; parent is the indentation of the enclosing block collection.
// Indentation indicators, leading blank lines and more-indented lines in
// folded scalars are left to the library.
func (p *yamlParser) blockScalar(parent int) *node {
	d := p.data
	literal := d[p.off] == '|'
	n := p.a.node(scalarNode, tagStr, p.line, p.col(p.off))
	p.off++
	chomp := 0
	if p.off < len(d) && (d[p.off] == '-' || d[p.off] == '+') {
		chomp = 1
		if d[p.off] == '-' {
			chomp = -1
		}
		p.off++
	}
	if p.off < len(d) && d[p.off] >= '0' && d[p.off] <= '9' {
		return nil
	}
	i := p.off
	for i < len(d) && d[i] == ' ' {
		i++
	}
	if i < len(d) && d[i] != '\n' && d[i] != '\r' && !(d[i] == '#' && i > p.off) {
		return nil
	}
	p.nextLine(i)

	// The first line sets the indentation.
	k := 0
	for p.off+k < len(d) && d[p.off+k] == ' ' {
		k++
	}
	if p.eol(p.off+k) && p.off+k < len(d) {
		return nil // a leading blank line
	}
	indent := max(k, parent+1, 1)
	b := p.buf[:0]
	leadingBreak, leadingBlank := false, false
	trailing := 0
	for p.off+k < len(d) && k >= indent {
		// A content line; k counts its spaces, up to indent.
		i := p.lineStart + indent
		trailingBlank := d[i] == ' '
		if !literal && trailingBlank {
			return nil
		}
		if !literal && !leadingBlank && !trailingBlank && leadingBreak {
			if trailing == 0 {
				b = append(b, ' ')
			}
		} else if leadingBreak {
			b = append(b, '\n')
		}
		for ; trailing > 0; trailing-- {
			b = append(b, '\n')
		}
		leadingBlank = trailingBlank
		e := bytes.IndexByte(d[i:], '\n')
		if e < 0 {
			b = append(b, d[i:]...)
			leadingBreak = false
			p.off = len(d)
			break
		}
		e += i
		if d[e-1] == '\r' {
			b = append(b, d[i:e-1]...)
		} else {
			b = append(b, d[i:e]...)
		}
		leadingBreak = true
		p.nextLine(e)
		// Blank lines, and the indentation of the next line.
		for {
			k = 0
			for k < indent && p.off+k < len(d) && d[p.off+k] == ' ' {
				k++
			}
			if !p.eol(p.off+k) || p.off+k == len(d) {
				break
			}
			trailing++
			p.nextLine(p.off + k)
		}
	}
	if chomp != -1 && leadingBreak {
		b = append(b, '\n')
	}
	if chomp == 1 {
		for ; trailing > 0; trailing-- {
			b = append(b, '\n')
		}
	}
	n.value = p.text(b)
	p.buf = b[:0]
	if !p.content() {
		return nil
	}
	return n
}

// plainStart reports whether a plain scalar may start at p.off.
func (p *yamlParser) plainStart(flow bool) bool {
	switch p.data[p.off] {
	case '-':
		return !p.blankz(p.off + 1)
	case '?', ':':
		return !flow && !p.blankz(p.off+1)
	case ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ', '\n', '\r':
		return false
	}
	return true
}

// plain scans a plain scalar from p.off to the end of its line, a comment,
// a `: ` (then colon is true) or, in a flow collection, a flow indicator.
// It returns where its text ends, and leaves p.off there.
func (p *yamlParser) plain(flow bool) (end int, colon bool) {
	d := p.data
	i := p.off
	end = i
scan:
	for i < len(d) {
		switch c := d[i]; c {
		case ' ':
			j := i + 1
			for j < len(d) && d[j] == ' ' {
				j++
			}
			if p.eol(j) || d[j] == '#' {
				break scan
			}
			i = j
		case '\n', '\r':
			break scan
		case ':':
			if p.blankz(i + 1) {
				colon = true
				break scan
			}
			i++
			end = i
		case ',', '?', '[', ']', '{', '}':
			if flow {
				break scan
			}
			i++
			end = i
		default:
			i++
			end = i
		}
	}
	p.off = end
	return end, colon
}

// quoted reads a single- or double-quoted scalar that closes on its line
// and moves p.off past the closing quote.
func (p *yamlParser) quoted() (string, bool) {
	d := p.data
	q := d[p.off]
	start := p.off + 1
	for i := start; i < len(d); i++ {
		switch d[i] {
		case q:
			if q == '\'' && i+1 < len(d) && d[i+1] == '\'' {
				return p.unquote(q)
			}
			p.off = i + 1
			return p.text(d[start:i]), true
		case '\\':
			if q == '"' {
				return p.unquote(q)
			}
		case '\n', '\r':
			return "", false
		}
	}
	return "", false
}

// unquote is quoted for a scalar with escapes.
func (p *yamlParser) unquote(q byte) (string, bool) {
	d := p.data
	b := p.buf[:0]
	i := p.off + 1
	for {
		if p.eol(i) {
			return "", false
		}
		c := d[i]
		switch {
		case c == q && q == '\'' && i+1 < len(d) && d[i+1] == '\'':
			b = append(b, '\'')
			i += 2
			continue
		case c == q:
			p.off = i + 1
			s := p.text(b)
			p.buf = b[:0]
			return s, true
		case c != '\\' || q == '\'':
			b = append(b, c)
			i++
			continue
		}
		if p.eol(i + 1) {
			return "", false // an escaped line break
		}
		e := d[i+1]
		i += 2
		code := 0
		switch e {
		case '0':
			b = append(b, 0)
		case 'a':
			b = append(b, '\a')
		case 'b':
			b = append(b, '\b')
		case 't':
			b = append(b, '\t')
		case 'n':
			b = append(b, '\n')
		case 'v':
			b = append(b, '\v')
		case 'f':
			b = append(b, '\f')
		case 'r':
			b = append(b, '\r')
		case 'e':
			b = append(b, 0x1b)
		case ' ', '"', '\'', '\\':
			b = append(b, e)
		case 'N':
			b = append(b, "\u0085"...)
		case '_':
			b = append(b, "\u00a0"...)
		case 'L':
			b = append(b, "\u2028"...)
		case 'P':
			b = append(b, "\u2029"...)
		case 'x':
			code = 2
		case 'u':
			code = 4
		case 'U':
			code = 8
		default:
			return "", false
		}
		if code > 0 {
			if i+code > len(d) {
				return "", false
			}
			r := 0
			for _, h := range d[i : i+code] {
				switch {
				case h >= '0' && h <= '9':
					r = r<<4 + int(h-'0')
				case h >= 'a' && h <= 'f':
					r = r<<4 + int(h-'a'+10)
				case h >= 'A' && h <= 'F':
					r = r<<4 + int(h-'A'+10)
				default:
					return "", false
				}
			}
			if r >= 0xd800 && r <= 0xdfff || r > 0x10ffff {
				return "", false
			}
			b = utf8.AppendRune(b, rune(r))
			i += code
		}
	}
}

// flow parses a flow sequence or mapping that closes on its line.
func (p *yamlParser) flow() *node {
	if !p.enter() {
		return nil
	}
	defer func() { p.depth-- }()
	d := p.data
	mapping := d[p.off] == '{'
	kind, end := sequenceNode, byte(']')
	if mapping {
		kind, end = mappingNode, '}'
	}
	n := p.a.node(kind, tagStr, p.line, p.col(p.off))
	p.off++
	base := len(p.stack)
	for {
		if !p.flowSpace() {
			return nil
		}
		if d[p.off] == end {
			break
		}
		start := p.off
		item := p.flowNode(mapping)
		if item == nil || !p.flowSpace() {
			return nil
		}
		if mapping {
			var v *node
			colon := d[p.off] == ':'
			if colon {
				if p.off-start > maxKeyLen {
					return nil
				}
				p.off++
				if !p.flowSpace() {
					return nil
				}
			}
			if c := d[p.off]; c == ',' || c == '}' {
				// A key alone, or a key and a colon: the empty value
				// sits at the next indicator.
				v = p.a.node(scalarNode, tagNull, p.line, p.col(p.off))
			} else if !colon {
				return nil
			} else if v = p.flowNode(false); v == nil || !p.flowSpace() {
				return nil
			}
			p.stack = append(p.stack, item, v)
		} else {
			p.stack = append(p.stack, item)
		}
		if d[p.off] == ',' {
			p.off++
			continue
		}
		if d[p.off] != end {
			return nil
		}
		break
	}
	p.off++
	n.content = p.a.children(p.stack[base:])
	p.stack = p.stack[:base]
	return n
}

// flowSpace skips spaces inside a flow collection, which must go on on the
// same line.
func (p *yamlParser) flowSpace() bool {
	p.spaces()
	return !p.eol(p.off) && p.data[p.off] != '#'
}

// flowNode parses a node inside a flow collection; a mapping key must be a
// scalar.
func (p *yamlParser) flowNode(key bool) *node {
	d := p.data
	line, col := p.line, p.col(p.off)
	switch d[p.off] {
	case '[', '{':
		if key {
			return nil
		}
		return p.flow()
	case '"', '\'':
		s, ok := p.quoted()
		if !ok {
			return nil
		}
		n := p.a.node(scalarNode, tagStr, line, col)
		n.value = s
		return n
	}
	if !p.plainStart(true) {
		return nil
	}
	start := p.off
	end, _ := p.plain(true)
	n := p.a.node(scalarNode, resolvePlain(d[start:end]), line, col)
	n.value = p.text(d[start:end])
	return n
}

// resolvePlain returns the tag the library resolves a plain scalar to.
// Most values are told apart by their first character; numbers, dates and
// special floats are left to the library's resolver.
func resolvePlain(s []byte) scalarTag {
	if len(s) == 0 {
		return tagNull
	}
	switch c := s[0]; {
	case c == '~' || c == 'n' || c == 'N':
		switch string(s) {
		case "~", "null", "Null", "NULL":
			return tagNull
		}
		return tagStr
	case c == 't' || c == 'T' || c == 'f' || c == 'F':
		switch string(s) {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			return tagBool
		}
		return tagStr
	case c == '<':
		if string(s) == "<<" {
			return tagOther // the merge key
		}
		return tagStr
	case c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.':
		if c >= '1' && c <= '9' && len(s) < 19 {
			digits := true
			for _, c := range s {
				digits = digits && c >= '0' && c <= '9'
			}
			if digits {
				return tagInt
			}
		}
		switch (&yaml.Node{Kind: yaml.ScalarNode, Value: string(s)}).ShortTag() {
		case "!!str":
			return tagStr
		case "!!int":
			return tagInt
		case "!!float":
			return tagFloat
		case "!!bool":
			return tagBool
		case "!!null":
			return tagNull
		}
		return tagOther
	}
	return tagStr
}
