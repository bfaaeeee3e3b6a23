package recordfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/civicnet/civicnet/model"
	"go.yaml.in/yaml/v3"
)

// DatasetFile is the name of the dataset description at the root of a
// record set: [model.DatasetFile], for readers of record files.
const DatasetFile = model.DatasetFile

// StdinName is the file name in the positions of records read from
// standard input: [model.StdinName], for readers of record files.
const StdinName = model.StdinName

// Options control loading.
type Options struct {
	// Base, when set, overrides the base IRI of civicnet.yaml. Generated
	// ids derive from it, so it must be known before records are added.
	Base string
	// Stdin is read for the path "-".
	Stdin io.Reader
}

// IsRecordFile reports whether a file name has a record file extension:
// .yaml, .yml or .json.
func IsRecordFile(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

// input is one file to decode: its name for diagnostics and a way to read
// it, into buf when it is large enough (see readLimited).
type input struct {
	name string
	read func(buf []byte) ([]byte, error)
	info bool // civicnet.yaml
}

// decoded is what one file yielded.
type decoded struct {
	records  []model.Record
	info     *model.DatasetInfo
	problems []model.Problem
}

// LoadFiles loads a record set from paths on disk: record files, or
// directories walked recursively for *.yaml, *.yml and *.json. The path
// "-" reads one file from opts.Stdin, named <stdin>. A civicnet.yaml at
// the root of a directory (or given as a path) describes the dataset.
//
// Every problem met is returned, not only the first; the dataset holds
// every record that could be decoded.
func LoadFiles(paths []string, opts Options) (*model.Dataset, []model.Problem) {
	var inputs []input
	var problems []model.Problem
	for _, p := range paths {
		if p == "-" {
			stdin := opts.Stdin
			inputs = append(inputs, input{name: StdinName, read: func(buf []byte) ([]byte, error) {
				if stdin == nil {
					return nil, errors.New("no standard input")
				}
				return readLimited(stdin, buf)
			}})
			continue
		}
		found, probs := walkOS(p)
		inputs = append(inputs, found...)
		problems = append(problems, probs...)
	}
	ds, more := load(inputs, opts)
	return ds, append(problems, more...)
}

// LoadFS loads the record set held by fsys, walking it from its root, as
// LoadFiles does for a directory. Names in positions are slash-separated
// paths inside fsys.
func LoadFS(fsys fs.FS, opts Options) (*model.Dataset, []model.Problem) {
	var inputs []input
	var problems []model.Problem
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			problems = append(problems, readProblem(p, err))
			return nil
		}
		if d.IsDir() || !IsRecordFile(p) {
			return nil
		}
		inputs = append(inputs, input{name: p, info: p == DatasetFile, read: func(buf []byte) ([]byte, error) {
			f, err := fsys.Open(p)
			if err != nil {
				return nil, err
			}
			defer f.Close()
			return readLimited(f, buf)
		}})
		return nil
	})
	if err != nil {
		problems = append(problems, readProblem(".", err))
	}
	ds, more := load(inputs, opts)
	return ds, append(problems, more...)
}

// Decode loads records from one reader; name is used in positions and, by
// its extension, chooses JSON or YAML (content that starts with '{' or '['
// is read as JSON when the name says neither).
func Decode(r io.Reader, name string, opts Options) (*model.Dataset, []model.Problem) {
	return load([]input{{name: name, read: func(buf []byte) ([]byte, error) { return readLimited(r, buf) }}}, opts)
}

// walkOS lists the record files under p (a file or a directory).
func walkOS(root string) ([]input, []model.Problem) {
	var inputs []input
	var problems []model.Problem
	st, err := os.Stat(root)
	if err != nil {
		return nil, []model.Problem{readProblem(root, err)}
	}
	if !st.IsDir() {
		return []input{osInput(root, filepath.Base(root) == DatasetFile)}, nil
	}
	rootInfo := filepath.Join(root, DatasetFile)
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			problems = append(problems, readProblem(p, err))
			return nil
		}
		if d.IsDir() {
			if p != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if !IsRecordFile(p) || strings.HasPrefix(d.Name(), ".") {
			// Hidden files, like hidden directories, are tools' own
			// (.pre-commit-config.yaml, .gitlab-ci.yml), not records.
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if st, err := os.Stat(p); err == nil && st.IsDir() {
				problems = append(problems, model.Problem{Pos: model.Pos{File: p}, Code: "symlink-skipped",
					Summary: "symbolic link to a directory not followed",
					Detail:  "pass the directory it points to as a path of its own"})
				return nil
			}
		}
		inputs = append(inputs, osInput(p, p == rootInfo))
		return nil
	})
	if err != nil {
		problems = append(problems, readProblem(root, err))
	}
	return inputs, problems
}

func osInput(p string, info bool) input {
	return input{name: p, info: info, read: func(buf []byte) ([]byte, error) {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return readLimited(f, buf)
	}}
}

var errTooLarge = fmt.Errorf("file is larger than %d MiB", MaxFileSize>>20)

// readLimited reads all of r, up to MaxFileSize. A regular file is read
// into buf when it fits (decoding copies every value it keeps, so a
// worker's buffer serves file after file), else into one allocation of
// its size.
func readLimited(r io.Reader, buf []byte) ([]byte, error) {
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		fi, err := st.Stat()
		if err == nil && fi.Mode().IsRegular() && fi.Size() > MaxFileSize {
			return nil, errTooLarge // refused without reading it
		}
		if err == nil && fi.Mode().IsRegular() {
			data := buf[:0]
			if int64(cap(data)) >= fi.Size() {
				data = data[:fi.Size()]
			} else {
				data = make([]byte, fi.Size())
			}
			n, err := io.ReadFull(r, data)
			if err != nil && err != io.ErrUnexpectedEOF {
				return nil, err
			}
			data = data[:n]
			// The file may have grown since Stat.
			rest, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1-int64(n)))
			if err != nil {
				return nil, err
			}
			data = append(data, rest...)
			if len(data) > MaxFileSize {
				return nil, errTooLarge
			}
			return data, nil
		}
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, errTooLarge
	}
	return data, nil
}

func readProblem(name string, err error) model.Problem {
	if errors.Is(err, errTooLarge) {
		return model.Problem{Pos: model.Pos{File: name}, Code: "file-too-large", Summary: err.Error(),
			Detail: "split the records into several files"}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return model.Problem{Pos: model.Pos{File: name}, Code: "read-error", Summary: "cannot read: " + err.Error(),
		Detail: "check that the file exists and is readable"}
}

// load decodes the inputs concurrently and adds their records to one
// dataset in input order, so the result does not depend on scheduling.
// Adding overlaps decoding: the records of a file are added as soon as it
// and every file before it are decoded.
func load(inputs []input, opts Options) (*model.Dataset, []model.Problem) {
	sort.SliceStable(inputs, func(i, j int) bool { return inputs[i].info && !inputs[j].info })
	ready := make([]chan decoded, len(inputs))
	for i := range ready {
		ready[i] = make(chan decoded, 1)
	}
	next := make(chan int)
	go func() {
		for i := range inputs {
			next <- i
		}
		close(next)
	}()
	for range min(runtime.GOMAXPROCS(0), max(len(inputs), 1)) {
		go func() {
			var a arena
			var buf []byte // the last file read, for the next one
			for i := range next {
				var res decoded
				res, buf = decodeInput(inputs[i], &a, buf)
				ready[i] <- res
				a.reset()
				if cap(buf) > maxReusedBuffer {
					buf = nil
				}
			}
		}()
	}

	var info model.DatasetInfo
	var infoFrom string
	var problems []model.Problem
	var ds *model.Dataset
	for i, in := range inputs {
		res := <-ready[i]
		if in.info {
			problems = append(problems, res.problems...)
			if r := res.info; r != nil {
				if infoFrom != "" {
					problems = append(problems, model.Problem{Pos: r.Pos(), Code: "duplicate-dataset",
						Summary: "a second civicnet.yaml in the same record set",
						Detail:  "keep one dataset description, at the root of the record set",
						Related: []model.Pos{{File: infoFrom}}})
					continue
				}
				info, infoFrom = *r, in.name
			}
			continue
		}
		if ds == nil {
			ds = newLoadDataset(info, opts)
			// Make room for as many records in every file as in the
			// first, and as many again for the memberships,
			// participations and places nested in them.
			ds.Grow(2 * len(res.records) * (len(inputs) - i))
		}
		problems = append(problems, res.problems...)
		ds.Add(res.records...)
	}
	if ds == nil {
		ds = newLoadDataset(info, opts)
	}
	return ds, problems
}

func newLoadDataset(info model.DatasetInfo, opts Options) *model.Dataset {
	if opts.Base != "" {
		info.Base = opts.Base
	}
	return model.NewDataset(info)
}

// maxReusedBuffer is the largest read buffer a decoding worker keeps for
// the next file: a few times a typical record file.
const maxReusedBuffer = 16 << 20

// decodeInput reads and decodes one input, reading into buf when it is
// large enough; it returns buf or the buffer it read into instead, which
// the caller may reuse once the result is handed over: nothing decoded
// refers to it.
func decodeInput(in input, a *arena, buf []byte) (decoded, []byte) {
	data, err := in.read(buf)
	if err != nil {
		return decoded{problems: []model.Problem{readProblem(in.name, err)}}, buf
	}
	return decodeData(in, a, data), data[:0]
}

func decodeData(in input, a *arena, data []byte) decoded {
	return decodeStreaming(in, a, data, true)
}

// decodeStreaming is decodeData, making records as the parser reads them
// when streaming is set, else once the whole file is parsed (the same
// result, which a test checks).
func decodeStreaming(in input, a *arena, data []byte, streaming bool) decoded {
	d := &decoder{file: in.name, arena: a}
	var out decoded
	if in.info {
		root := d.parse(data, in.name, nil)
		if len(root) > 0 {
			info := d.datasetInfo(root[0])
			out.info = &info
			if len(root) > 1 {
				d.problem(d.pos(root[1]), "syntax", "civicnet.yaml holds more than one document", "keep one mapping")
			}
		} else if len(d.problems) == 0 {
			out.info = &model.DatasetInfo{Origin: model.Origin{File: in.name}}
		}
		out.problems = d.finish()
		return out
	}
	add := func(n *node) {
		n = d.deref(n)
		if n == nil || isNull(n) {
			return
		}
		if n.kind == sequenceNode {
			for _, item := range n.content {
				if r := d.record(item); r != nil {
					out.records = append(out.records, r)
				}
			}
			return
		}
		if r := d.record(n); r != nil {
			out.records = append(out.records, r)
		}
	}
	// Records are made as the documents (or the items of a JSON array)
	// are parsed, and the nodes reused for the next: nothing decoded
	// refers to them.
	s := &stream{
		doc: func(n *node) {
			add(n)
			a.reset()
		},
		item: func(n *node) {
			if r := d.record(n); r != nil {
				out.records = append(out.records, r)
			}
			a.reset()
		},
		restart: func() {
			out.records = nil
			d.problems, d.dropped, d.aliases = nil, 0, 0
		},
	}
	if !streaming {
		s = nil
	}
	for _, n := range d.parse(data, in.name, s) {
		add(n)
	}
	out.problems = d.finish()
	return out
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parserErrors are the messages of the YAML library's parser, as opposed to
// its scanner; see parseYAML.
var parserErrors = map[string]bool{
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected node content":     true,
	"did not find expected <document start>": true,
	"did not find expected '-' indicator":    true,
}

// parse checks the encoding of a file and parses it into documents: every
// YAML document, or the one JSON value. Problems go to d.
//
// With a stream, the YAML documents the fast parser reads and the items
// of a top-level JSON array are handed to it as they are parsed, instead
// of returned. Should the fast parser give up, or the JSON turn out to be
// malformed, parse calls restart, to undo what the stream did with any
// handed over: the library then parses the YAML again
// and its documents are returned; of bad JSON only the error is kept.
func (d *decoder) parse(data []byte, name string, s *stream) []*node {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.HasPrefix(data, []byte("\xfe\xff")) || bytes.HasPrefix(data, []byte("\xff\xfe")) {
		d.problem(model.Pos{File: d.file, Line: 1, Col: 1}, "bad-encoding", "file is UTF-16, not UTF-8",
			"save the file as UTF-8 (without byte order mark)")
		return nil
	}
	if !utf8.Valid(data) {
		off := firstInvalidUTF8(data)
		d.problem(offsetPos(d.file, data, off), "bad-encoding", "invalid UTF-8 byte 0x"+strconv.FormatUint(uint64(data[off]), 16),
			"save the file as UTF-8; it may be Latin-1 or Windows-1252")
		return nil
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		d.problem(offsetPos(d.file, data, i), "control-character", "NUL byte in the file",
			"record files are text; remove the NUL byte (the file may be binary or UTF-16)")
		return nil
	}
	if isJSONName(name, data) {
		var each func(*node)
		if s != nil {
			each = s.item
		}
		n, err := parseJSONEach(data, d.arena, each)
		if err != nil {
			if s != nil {
				s.restart()
			}
			var je *jsonError
			if errors.As(err, &je) {
				pos := model.Pos{File: d.file, Line: je.line, Col: je.col}
				if je.code != "" {
					d.problem(pos, je.code, je.msg, "shorten the value or link to the full text with website or sources")
				} else {
					d.problem(pos, "syntax", "JSON syntax error: "+je.msg, "")
				}
			}
			return nil
		}
		if n == nil {
			return nil // handed over
		}
		return []*node{n}
	}
	if line, n := longestLine(data); n > MaxScalarLen {
		// The YAML parser takes seconds over a line of tens of
		// megabytes; a record file has no reason to hold one.
		d.problem(model.Pos{File: d.file, Line: line, Col: 1}, "value-too-long",
			fmt.Sprintf("line %d is %d bytes long; the limit is %d", line, n, MaxScalarLen),
			"shorten the value or link to the full text with website or sources")
		return nil
	}
	return d.parseYAML(data, s)
}

// stream receives what a file holds as it is parsed (see decoder.parse).
type stream struct {
	doc     func(*node) // a YAML document
	item    func(*node) // an item of a top-level JSON array
	restart func()      // forget what doc and item were given
}

// longestLine returns the 1-based number and the length of the longest line.
func longestLine(data []byte) (line, n int) {
	for i, start := 1, 0; start <= len(data); i++ {
		end := bytes.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data) - start
		}
		if end > n {
			line, n = i, end
		}
		start += end + 1
	}
	return line, n
}

func isJSONName(name string, data []byte) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".json":
		return true
	case ".yaml", ".yml":
		return false
	}
	t := bytes.TrimLeft(data, " \t\r\n")
	return len(t) > 0 && (t[0] == '{' || t[0] == '[')
}

func (d *decoder) parseYAML(data []byte, s *stream) (docs []*node) {
	// Most record files are in the subset the fast parser reads; it gives
	// up on the rest, which the library parses and words the errors of.
	var each func(*node)
	if s != nil {
		each = s.doc
	}
	if docs, ok := parseYAMLFastEach(data, d.arena, each); ok {
		return docs
	}
	if s != nil {
		s.restart() // a no-op unless documents were handed over
	}
	d.arena.reset()
	defer func() {
		// The YAML parser panics on some pathological inputs; a record
		// file must never crash the run.
		if r := recover(); r != nil {
			d.problem(model.Pos{File: d.file}, "syntax", fmt.Sprintf("YAML parser failed: %v", r), "")
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if err == nil && doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
			docs = append(docs, d.arena.fromYAML(doc.Content[0], map[*yaml.Node]*node{}))
			continue
		}
		if err == io.EOF {
			return docs
		}
		if err != nil {
			msg := strings.TrimPrefix(err.Error(), "yaml: ")
			pos := model.Pos{File: d.file}
			if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
				pos.Line, _ = strconv.Atoi(m[1])
				msg = m[2]
				if parserErrors[msg] {
					// The YAML library reports parser (not scanner)
					// errors with a 0-based line; make it 1-based.
					pos.Line++
				}
			}
			pos, hint := locateYAMLError(d.file, data, pos.Line, msg)
			d.problem(pos, "syntax", "YAML syntax error: "+msg, hint)
			return docs
		}
	}
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// offsetPos converts a byte offset into a line and code-point column.
func offsetPos(file string, data []byte, off int) model.Pos {
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return model.Pos{File: file, Line: line, Col: 1 + utf8.RuneCount(data[start:off])}
}
