package recordfile

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/civicnet/civicnet/model"
)

// The YAML library words its syntax errors well but gives a line only,
// and for an unclosed flow collection the line of the collection's start
// rather than of the problem. locateYAMLError reads the source around
// that line to find the column of the culprit and the hint that fits
// what it finds there; where it finds nothing it keeps the line and
// gives the general hint.

// locateYAMLError returns the position of a YAML syntax error reported
// with message msg at line (1-based; 0 when unknown) and a hint on how to
// fix it.
func locateYAMLError(file string, data []byte, line int, msg string) (model.Pos, string) {
	pos := model.Pos{File: file, Line: line}
	text := sourceLine(data, line)
	switch {
	case strings.HasPrefix(msg, "did not find expected ',' or ']'"),
		strings.HasPrefix(msg, "did not find expected ',' or '}'"):
		open, close := byte('['), "]"
		if strings.HasSuffix(msg, "'}'") {
			open, close = '{', "}"
		}
		if l, c, ok := unclosedFlow(data, line); ok {
			pos.Line, pos.Col = l, c
		}
		what := "list"
		if open == '{' {
			what = "mapping"
		}
		return pos, "the " + what + " opened with " + string(open) + " here is not closed: end it with " + close +
			" (before the next key), or quote the value if the " + string(open) + " is part of the text"
	case strings.Contains(msg, "found a tab character"):
		if i := strings.IndexByte(text, '\t'); i >= 0 {
			pos.Col = column(text, i)
		}
		return pos, "indent with spaces, not tabs"
	case strings.Contains(msg, "found character that cannot start any token"):
		i := valueStart(text)
		if t := strings.IndexByte(text, '\t'); t >= 0 && t < len(text)-len(strings.TrimLeft(text, " \t")) {
			// A tab among the leading blanks.
			pos.Col = column(text, t)
			return pos, "indent with spaces, not tabs"
		}
		if i >= 0 {
			pos.Col = column(text, i)
			if c := text[i]; c == '@' || c == '`' {
				return pos, "quote the value: a plain YAML value cannot start with " + string(c)
			}
		}
		return pos, "quote the value, or indent with spaces, not tabs"
	case strings.Contains(msg, "mapping values are not allowed"):
		if key := strings.Index(text, ": "); key >= 0 {
			if i := valueStart(text); i >= 0 {
				if second := strings.Index(text[i:], ": "); second >= 0 || strings.HasSuffix(text, ":") {
					if second < 0 {
						second = len(text) - i - 1
					}
					pos.Col = column(text, i+second)
					return pos, "quote a value that contains \": \" (a colon followed by a space)"
				}
			}
			if indent(text) > indent(previousContentLine(data, line)) {
				pos.Col = column(text, indent(text))
				return pos, "this line is indented more than the line above, so it reads as part of that value; line its key up with the keys above it"
			}
			pos.Col = column(text, key)
		}
		return pos, "quote a value that contains \": \" (a colon followed by a space)"
	case strings.Contains(msg, "found unexpected end of stream"):
		if i := valueStart(text); i >= 0 && (text[i] == '"' || text[i] == '\'') {
			pos.Col = column(text, i)
			return pos, "the value quoted with " + string(text[i]) + " here is not closed: end it with " + string(text[i])
		}
		return pos, "a quoted value or a flow collection ([ or {) is not closed"
	case strings.Contains(msg, "did not find expected"):
		if text != "" {
			pos.Col = column(text, indent(text))
		}
		if i := strings.IndexAny(text, "]}"); i >= 0 && !strings.ContainsAny(text, "[{") {
			pos.Col = column(text, i)
			return pos, "remove the " + string(text[i]) + ": it closes nothing"
		}
		if n := strings.Count(text, "]") - strings.Count(text, "["); n > 0 {
			i := strings.LastIndexByte(text, ']')
			pos.Col = column(text, i)
			return pos, "remove the ] that closes nothing"
		}
		if n := strings.Count(text, "}") - strings.Count(text, "{"); n > 0 {
			i := strings.LastIndexByte(text, '}')
			pos.Col = column(text, i)
			return pos, "remove the } that closes nothing"
		}
		return pos, "check the indentation of this line: it must line up with the keys (or the - items) above it"
	}
	return pos, ""
}

// sourceLine returns line n (1-based) of data without its line break, or
// "" when there is none.
func sourceLine(data []byte, n int) string {
	if n < 1 {
		return ""
	}
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(data, '\n')
		if j < 0 {
			return ""
		}
		data = data[j+1:]
	}
	if j := bytes.IndexByte(data, '\n'); j >= 0 {
		data = data[:j]
	}
	return strings.TrimSuffix(string(data), "\r")
}

// previousContentLine returns the last line before line n that is
// neither blank nor a comment.
func previousContentLine(data []byte, n int) string {
	for i := n - 1; i >= 1; i-- {
		t := strings.TrimSpace(sourceLine(data, i))
		if t != "" && !strings.HasPrefix(t, "#") {
			return sourceLine(data, i)
		}
	}
	return ""
}

func indent(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// column turns a byte offset in line into a 1-based code-point column.
func column(line string, off int) int { return 1 + utf8.RuneCountInString(line[:off]) }

// valueStart returns the byte offset of the value on a line "key: value"
// or "- value" (after any number of "- "), or -1.
func valueStart(line string) int {
	i := indent(line)
	for strings.HasPrefix(line[i:], "- ") {
		i += 2
		for i < len(line) && line[i] == ' ' {
			i++
		}
	}
	if k := strings.Index(line[i:], ": "); k >= 0 && !strings.ContainsAny(line[i:i+k], "\"'[{") {
		i += k + 2
		for i < len(line) && line[i] == ' ' {
			i++
		}
	}
	if i >= len(line) {
		return -1
	}
	return i
}

// unclosedFlow finds the opening bracket of a flow collection that is
// never closed: scanning the document from its start, outside quotes and
// comments, it returns the position of the outermost bracket open still
// open when the flow runs into the end of the data or a line that starts
// a new key at the margin, preferring one on line want.
func unclosedFlow(data []byte, want int) (line, col int, ok bool) {
	type mark struct{ line, col int }
	var stack []mark
	var found []mark
	lines := strings.Split(string(data), "\n")
	for n, text := range lines {
		text = strings.TrimSuffix(text, "\r")
		if len(stack) > 0 && text != "" && text[0] != ' ' && text[0] != '#' && strings.Contains(text, ": ") {
			// A new top-level key inside an open flow: the flow was
			// never closed.
			found = append(found, stack[0])
			stack = stack[:0]
		}
		quote := byte(0)
		for i := 0; i < len(text); i++ {
			c := text[i]
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				if i == 0 || strings.ContainsRune(" [{,:", rune(text[i-1])) {
					quote = c
				}
			case c == '#' && (i == 0 || text[i-1] == ' '):
				i = len(text)
			case c == '[' || c == '{':
				stack = append(stack, mark{n + 1, column(text, i)})
			case c == ']' || c == '}':
				if len(stack) > 0 {
					stack = stack[:len(stack)-1]
				}
			}
		}
	}
	if len(stack) > 0 {
		found = append(found, stack[0])
	}
	if len(found) == 0 {
		return 0, 0, false
	}
	best := found[0]
	for _, m := range found {
		if m.line == want {
			best = m
			break
		}
	}
	return best.line, best.col, true
}
