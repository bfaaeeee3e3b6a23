package recordfile

import (
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// jsonParser reads JSON (RFC 8259) into the same node tree the YAML parser
// builds, with the line and column (in code points) of every value, so one
// decoder serves both formats. It stops at the first syntax error, which
// it reports with its position.
type jsonParser struct {
	arena *arena
	stack []*node // children of the open objects and arrays
	data  []byte
	off   int
	// line bookkeeping: the current line and the byte offset where it
	// starts; colOff/col cache the column of one offset on that line so
	// columns cost O(n) over a whole file, even a minified one.
	line, lineStart int
	colOff, col     int
	depth           int
}

// jsonError is a JSON syntax error at a position.
type jsonError struct {
	line, col int
	msg       string
	code      string // "" for a syntax error
}

func (e *jsonError) Error() string { return fmt.Sprintf("line %d column %d: %s", e.line, e.col, e.msg) }

func parseJSON(data []byte, a *arena) (*node, error) {
	return parseJSONEach(data, a, nil)
}

// parseJSONEach is parseJSON handing the items of a top-level array to
// each as soon as each is parsed, and returning a nil node for the array;
// any other value it returns as parseJSON does. An error may come after
// some items were handed over. When each returns, the parser no longer
// refers to the item's nodes, so each may reset the arena.
func parseJSONEach(data []byte, a *arena, each func(*node)) (*node, error) {
	p := &jsonParser{arena: a, data: data, line: 1, col: 1}
	p.space()
	if p.off >= len(p.data) {
		return nil, p.errorf("the file holds no JSON value")
	}
	var n *node
	var err error
	if each != nil && p.data[p.off] == '[' {
		err = p.items(each)
	} else {
		n, err = p.value()
	}
	if err != nil {
		return nil, err
	}
	p.space()
	if p.off < len(p.data) {
		return nil, p.errorf("unexpected %s after the JSON value", p.what())
	}
	return n, nil
}

// position returns the line and column of the current offset.
func (p *jsonParser) position() (int, int) {
	if p.colOff < p.lineStart {
		p.colOff, p.col = p.lineStart, 1
	}
	p.col += utf8.RuneCount(p.data[p.colOff:p.off])
	p.colOff = p.off
	return p.line, p.col
}

func (p *jsonParser) errorf(format string, args ...any) error {
	l, c := p.position()
	return &jsonError{line: l, col: c, msg: fmt.Sprintf(format, args...)}
}

func (p *jsonParser) what() string {
	if p.off >= len(p.data) {
		return "end of file"
	}
	r, _ := utf8.DecodeRune(p.data[p.off:])
	return strconv.QuoteRune(r)
}

func (p *jsonParser) space() {
	for p.off < len(p.data) {
		switch p.data[p.off] {
		case ' ', '\t', '\r':
		case '\n':
			p.line++
			p.lineStart = p.off + 1
		default:
			return
		}
		p.off++
	}
}

func (p *jsonParser) node(kind nodeKind, tag scalarTag) *node {
	l, c := p.position()
	return p.arena.node(kind, tag, l, c)
}

func (p *jsonParser) value() (*node, error) {
	if p.off >= len(p.data) {
		return nil, p.errorf("unexpected end of file, expected a value")
	}
	switch c := p.data[p.off]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		n := p.node(scalarNode, tagStr)
		s, err := p.str()
		n.value = s
		return n, err
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	default:
		for _, lit := range [...]struct {
			word string
			tag  scalarTag
		}{{"true", tagBool}, {"false", tagBool}, {"null", tagNull}} {
			if len(p.data)-p.off >= len(lit.word) && string(p.data[p.off:p.off+len(lit.word)]) == lit.word {
				n := p.node(scalarNode, lit.tag)
				n.value = lit.word
				p.off += len(lit.word)
				return n, nil
			}
		}
		return nil, p.errorf("unexpected %s, expected a value (object, array, string, number, true, false or null)", p.what())
	}
}

func (p *jsonParser) enter() error {
	p.depth++
	if p.depth > MaxDepth {
		return p.errorf("values nested more than %d deep", MaxDepth)
	}
	return nil
}

func (p *jsonParser) object() (*node, error) {
	n := p.node(mappingNode, tagStr)
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	base := len(p.stack)
	p.off++ // {
	p.space()
	if p.off < len(p.data) && p.data[p.off] == '}' {
		p.off++
		return n, nil
	}
	for {
		p.space()
		if p.off >= len(p.data) || p.data[p.off] != '"' {
			return nil, p.errorf("unexpected %s, expected a quoted key", p.what())
		}
		k := p.node(scalarNode, tagStr)
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		k.value = s
		p.space()
		if p.off >= len(p.data) || p.data[p.off] != ':' {
			return nil, p.errorf("unexpected %s, expected ':' after key %q", p.what(), clip(s))
		}
		p.off++
		p.space()
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		p.stack = append(p.stack, k, v)
		p.space()
		if p.off < len(p.data) && p.data[p.off] == ',' {
			p.off++
			continue
		}
		if p.off < len(p.data) && p.data[p.off] == '}' {
			p.off++
			n.content = p.arena.children(p.stack[base:])
			p.stack = p.stack[:base]
			return n, nil
		}
		return nil, p.errorf("unexpected %s, expected ',' or '}'", p.what())
	}
}

func (p *jsonParser) array() (*node, error) {
	n := p.node(sequenceNode, tagStr)
	base := len(p.stack)
	if err := p.items(func(v *node) { p.stack = append(p.stack, v) }); err != nil {
		return nil, err
	}
	n.content = p.arena.children(p.stack[base:])
	p.stack = p.stack[:base]
	return n, nil
}

// items reads an array, from its '[' to its ']', handing each item to each.
func (p *jsonParser) items(each func(*node)) error {
	if err := p.enter(); err != nil {
		return err
	}
	defer func() { p.depth-- }()
	p.off++ // [
	p.space()
	if p.off < len(p.data) && p.data[p.off] == ']' {
		p.off++
		return nil
	}
	for {
		p.space()
		v, err := p.value()
		if err != nil {
			return err
		}
		each(v)
		p.space()
		if p.off < len(p.data) && p.data[p.off] == ',' {
			p.off++
			continue
		}
		if p.off < len(p.data) && p.data[p.off] == ']' {
			p.off++
			return nil
		}
		return p.errorf("unexpected %s, expected ',' or ']'", p.what())
	}
}

func (p *jsonParser) number() (*node, error) {
	n := p.node(scalarNode, tagInt)
	start := p.off
	digits := func() int {
		s := p.off
		for p.off < len(p.data) && p.data[p.off] >= '0' && p.data[p.off] <= '9' {
			p.off++
		}
		return p.off - s
	}
	if p.data[p.off] == '-' {
		p.off++
	}
	if p.off < len(p.data) && p.data[p.off] == '0' {
		p.off++
	} else if digits() == 0 {
		return nil, p.errorf("unexpected %s in a number", p.what())
	}
	if p.off < len(p.data) && p.data[p.off] == '.' {
		n.tag = tagFloat
		p.off++
		if digits() == 0 {
			return nil, p.errorf("a number needs digits after the decimal point")
		}
	}
	if p.off < len(p.data) && (p.data[p.off] == 'e' || p.data[p.off] == 'E') {
		n.tag = tagFloat
		p.off++
		if p.off < len(p.data) && (p.data[p.off] == '+' || p.data[p.off] == '-') {
			p.off++
		}
		if digits() == 0 {
			return nil, p.errorf("a number needs digits in its exponent")
		}
	}
	n.value = string(p.data[start:p.off])
	return n, nil
}

// str reads a quoted string at p.off and returns its decoded value.
func (p *jsonParser) str() (string, error) {
	p.off++ // opening quote
	start := p.off
	// Fast path: no escapes.
	for p.off < len(p.data) {
		c := p.data[p.off]
		if c == '"' {
			if n := p.off - start; n > MaxScalarLen {
				p.off = start
				err := p.errorf("a string of %d bytes; the limit is %d", n, MaxScalarLen).(*jsonError)
				err.code = "value-too-long"
				return "", err
			}
			s := string(p.data[start:p.off])
			p.off++
			return s, nil
		}
		if c == '\\' || c < 0x20 {
			break
		}
		p.off++
	}
	buf := append([]byte(nil), p.data[start:p.off]...)
	for p.off < len(p.data) {
		c := p.data[p.off]
		switch {
		case c == '"':
			p.off++
			return string(buf), nil
		case c < 0x20:
			return "", p.errorf("control character %U in a string; write it as an escape such as \\n or \\t", rune(c))
		case c == '\\':
			if p.off+1 >= len(p.data) {
				return "", p.errorf("unterminated string")
			}
			e := p.data[p.off+1]
			p.off += 2
			switch e {
			case '"', '\\', '/':
				buf = append(buf, e)
			case 'b':
				buf = append(buf, '\b')
			case 'f':
				buf = append(buf, '\f')
			case 'n':
				buf = append(buf, '\n')
			case 'r':
				buf = append(buf, '\r')
			case 't':
				buf = append(buf, '\t')
			case 'u':
				r, ok := p.hex4()
				if !ok {
					return "", p.errorf("\\u must be followed by four hexadecimal digits")
				}
				if utf16.IsSurrogate(r) {
					r2 := utf8.RuneError
					if p.off+1 < len(p.data) && p.data[p.off] == '\\' && p.data[p.off+1] == 'u' {
						p.off += 2
						if lo, ok := p.hex4(); ok {
							r2 = utf16.DecodeRune(r, lo)
						}
					}
					if r2 == utf8.RuneError {
						return "", p.errorf("unpaired UTF-16 surrogate in a \\u escape")
					}
					r = r2
				}
				buf = utf8.AppendRune(buf, r)
			default:
				p.off -= 2
				return "", p.errorf("invalid escape \\%c; JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX", e)
			}
		default:
			buf = append(buf, c)
			p.off++
		}
	}
	return "", p.errorf("unterminated string: the closing quote is missing")
}

func (p *jsonParser) hex4() (rune, bool) {
	if len(p.data)-p.off < 4 {
		return 0, false
	}
	v, err := strconv.ParseUint(string(p.data[p.off:p.off+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	p.off += 4
	return rune(v), true
}
