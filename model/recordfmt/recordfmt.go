package recordfmt

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/model/recordfile"
)

// ErrNotLossless is returned (wrapped) by Source when the formatted file
// would decode to different records than the original; it would be a bug
// in recordfmt, and the file is better left alone.
var ErrNotLossless = errors.New("recordfmt: formatting would change the records")

// Source returns the YAML record file src in canonical form. name is the
// file's name: a civicnet.yaml is formatted as the dataset description,
// and JSON (by extension) is refused. A file that is not valid YAML is an
// error; so is one holding no YAML document, which is returned as it is
// along with the error.
func Source(name string, src []byte) ([]byte, error) {
	if strings.EqualFold(path.Ext(name), ".json") {
		return nil, fmt.Errorf("%s: JSON record files are not formatted", name)
	}
	dataset := isDataset(name)
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var docs []*yaml.Node
	for {
		doc := new(yaml.Node)
		err := dec.Decode(doc)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, syntaxError(name, src, err)
		}
		docs = append(docs, doc)
	}
	if len(docs) == 0 {
		// Comments only, or nothing: the YAML library would drop the
		// comments.
		return src, nil
	}
	folds := &folded{src: strings.Split(string(src), "\n")}
	for _, doc := range docs {
		for _, root := range doc.Content {
			formatRoot(root, dataset)
			folds.hide(root)
		}
	}
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	for _, doc := range docs {
		if err := enc.Encode(doc); err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	formatted := folds.restore(out.Bytes())
	if err := sameRecords(name, src, formatted); err != nil {
		return nil, err
	}
	return formatted, nil
}

// folded keeps folded strings (">") as their author wrapped them: the
// YAML library writes every string on one line, which would join the
// lines of every hand-wrapped description. hide swaps each for a
// placeholder before encoding; restore puts the original lines back,
// indented for their new place.
type folded struct {
	src    []string // the source, by line
	blocks []foldedBlock
}

type foldedBlock struct {
	token  string
	header string   // ">" or ">-"
	body   []string // the source lines, without their indentation
}

func (f *folded) hide(n *yaml.Node) {
	if n.Kind == yaml.ScalarNode && n.Style&yaml.FoldedStyle != 0 {
		if b, ok := f.block(n); ok {
			b.token = fmt.Sprintf("civicnet-folded-%d-%x", len(f.blocks), len(f.src))
			f.blocks = append(f.blocks, b)
			n.Value, n.Style, n.Tag = b.token, 0, "!!str"
		}
	}
	for _, c := range n.Content {
		f.hide(c)
	}
}

// block reads the lines of the folded string n from the source; ok is
// false for the forms it leaves to the library (a kept final line break,
// an explicit indentation, a string on its header's line).
func (f *folded) block(n *yaml.Node) (foldedBlock, bool) {
	if n.Line < 1 || n.Line > len(f.src) {
		return foldedBlock{}, false
	}
	head := f.src[n.Line-1]
	col := n.Column - 1
	if col < 0 || col >= len(head) || head[col] != '>' {
		return foldedBlock{}, false
	}
	header, rest, _ := strings.Cut(head[col:], " ")
	if header != ">" && header != ">-" {
		return foldedBlock{}, false
	}
	if r := strings.TrimSpace(rest); r != "" && !strings.HasPrefix(r, "#") {
		return foldedBlock{}, false
	}
	var body []string
	indent := -1
	for _, l := range f.src[n.Line:] {
		l = strings.TrimSuffix(l, "\r")
		if strings.TrimSpace(l) == "" {
			body = append(body, "")
			continue
		}
		in := len(l) - len(strings.TrimLeft(l, " "))
		if indent < 0 {
			indent = in
		}
		if in < indent || in == 0 {
			break
		}
		body = append(body, l[indent:])
	}
	for len(body) > 0 && body[len(body)-1] == "" {
		body = body[:len(body)-1]
	}
	if indent <= 0 || len(body) == 0 {
		return foldedBlock{}, false
	}
	return foldedBlock{header: header, body: body}, true
}

func (f *folded) restore(out []byte) []byte {
	if len(f.blocks) == 0 {
		return out
	}
	lines := strings.SplitAfter(string(out), "\n")
	var b strings.Builder
	next := 0
	for _, l := range lines {
		if next < len(f.blocks) && strings.Contains(l, f.blocks[next].token) {
			fb := f.blocks[next]
			next++
			indent := len(l) - len(strings.TrimLeft(l, " "))
			if strings.HasPrefix(l[indent:], "- ") {
				indent += 2
			}
			b.WriteString(strings.Replace(l, fb.token, fb.header, 1))
			pad := strings.Repeat(" ", indent+2)
			for _, bl := range fb.body {
				if bl == "" {
					b.WriteString("\n")
				} else {
					b.WriteString(pad + bl + "\n")
				}
			}
			continue
		}
		b.WriteString(l)
	}
	return []byte(b.String())
}

// syntaxError words a YAML syntax error as civicnet validate does, with
// the line and column of the culprit; err is the library's, in case the
// decoder sees no problem.
func syntaxError(name string, src []byte, err error) error {
	_, problems := recordfile.Decode(bytes.NewReader(src), name, recordfile.Options{})
	for _, p := range problems {
		if p.Code == "syntax" {
			return fmt.Errorf("%s: %s", p.Pos, p.Summary)
		}
	}
	return fmt.Errorf("%s: %v", name, err)
}

// formatRoot formats the root of a document: a record, a list of
// records, or the dataset description.
func formatRoot(n *yaml.Node, dataset bool) {
	normalize(n)
	if n.Kind == yaml.MappingNode && len(n.Content) > 0 {
		// A comment above the first key of a document is the file's
		// (a header, the yaml-language-server line): it stays on top
		// whatever key comes first.
		first := n.Content[0]
		head := first.HeadComment
		first.HeadComment = ""
		defer func() {
			top := n.Content[0]
			top.HeadComment = strings.TrimPrefix(head+"\n"+top.HeadComment, "\n")
			top.HeadComment = strings.TrimSuffix(top.HeadComment, "\n")
		}()
	}
	switch {
	case dataset && n.Kind == yaml.MappingNode:
		datasetShape.apply(n)
	case n.Kind == yaml.MappingNode:
		formatRecord(n)
	case n.Kind == yaml.SequenceNode:
		for _, item := range n.Content {
			if item.Kind == yaml.MappingNode {
				formatRecord(item)
			}
		}
	}
}

// formatRecord orders a record by the fields of its kind; a mapping with
// no kind civicnet knows keeps its order.
func formatRecord(n *yaml.Node) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "kind" {
			if s := recordShapes[n.Content[i+1].Value]; s != nil {
				s.apply(n)
			}
			return
		}
	}
}

// normalize drops the quotes of strings, recursively: the encoder quotes
// again exactly those that YAML would otherwise read as something else
// (a number, a boolean, null) or cannot write plain. Block scalars (| and
// >) are kept.
func normalize(n *yaml.Node) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" &&
		(n.Style == yaml.SingleQuotedStyle || n.Style == yaml.DoubleQuotedStyle) {
		n.Style = 0
	}
	for _, c := range n.Content {
		normalize(c)
	}
}

// shape is the canonical form of a mapping: the order of its known keys,
// and the shapes of the values under some of them (a mapping, or each
// mapping of a list).
type shape struct {
	fields   []string
	children map[string]*shape
}

func (s *shape) apply(n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		return
	}
	rank := func(key string) int {
		if key == "$schema" {
			return -1
		}
		if i := slices.Index(s.fields, key); i >= 0 {
			return i
		}
		return len(s.fields)
	}
	type pair struct{ k, v *yaml.Node }
	pairs := make([]pair, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		pairs = append(pairs, pair{n.Content[i], n.Content[i+1]})
	}
	// Stable: unknown keys, and duplicates, keep their order.
	slices.SortStableFunc(pairs, func(a, b pair) int { return rank(a.k.Value) - rank(b.k.Value) })
	n.Content = n.Content[:0]
	for _, p := range pairs {
		n.Content = append(n.Content, p.k, p.v)
		child := s.children[p.k.Value]
		if child == nil {
			continue
		}
		switch p.v.Kind {
		case yaml.MappingNode:
			child.apply(p.v)
		case yaml.SequenceNode:
			for _, item := range p.v.Content {
				child.apply(item)
			}
		}
	}
}

// The shapes, from the model's field lists, so that they follow the
// record format.
var (
	recordShapes = map[string]*shape{}
	datasetShape = &shape{fields: model.DatasetFieldNames()}
)

func init() {
	value := func(name string, children map[string]*shape) *shape {
		return &shape{fields: model.ValueFieldNames(name), children: children}
	}
	source := value("source", nil)
	quantity := value("quantity", nil)
	kind := func(k model.Kind, children map[string]*shape) *shape {
		s := &shape{fields: model.FieldNames(k), children: map[string]*shape{"sources": source}}
		for f, c := range children {
			s.children[f] = c
		}
		return s
	}
	membership := kind(model.KindMembership, nil)
	participation := kind(model.KindParticipation, nil)
	nested := map[string]*shape{"memberships": membership, "participations": participation}
	place := kind(model.KindPlace, nil)
	recordShapes["membership"] = membership
	recordShapes["participation"] = participation
	recordShapes["place"] = place
	recordShapes["organization"] = kind(model.KindOrganization, nested)
	recordShapes["person"] = kind(model.KindPerson, nested)
	recordShapes["region"] = kind(model.KindRegion, map[string]*shape{
		"memberships": membership, "participations": participation,
		"population": quantity, "area_km2": quantity, "capital": place,
		"heritage_sites": value("heritage-site", nil),
	})
	recordShapes["project"] = kind(model.KindProject, map[string]*shape{
		"memberships": membership, "participations": participation, "participants": membership,
		"funding":    value("funding", map[string]*shape{"amount": quantity}),
		"quantities": value("named-quantity", nil),
	})
	recordShapes["event"] = kind(model.KindEvent, map[string]*shape{
		"participants": participation, "participant_count": quantity,
		"location": value("location", nil),
	})
}
