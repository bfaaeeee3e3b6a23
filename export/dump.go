package export

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"

	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/validate"
)

// DumpOptions control WriteDump.
type DumpOptions struct {
	// Formats selects the parts of the dump; nil means AllFormats.
	Formats []Format
	// CSVBOM starts every CSV file with a UTF-8 byte order mark, for
	// spreadsheet programs that need one to read UTF-8.
	CSVBOM bool
	// Gzip writes dataset.ttl.gz and dataset.nt.gz instead of dataset.ttl
	// and dataset.nt, compressed on every core, for triple stores that
	// load compressed files; the catalogue's checksums are those of the
	// compressed files.
	Gzip bool
	// Progress, when set, is called as each file is started.
	Progress func(file string)
	// Validation, when set, holds what validate.Validate reported on the
	// dataset (with its loading problems), so that WriteDump need not
	// validate it again; when nil, WriteDump validates the dataset
	// itself. Either way a dataset with errors is refused.
	Validation *validate.Diagnostics
	// Mapping, when set, is the mapping of the dataset that
	// rdf.NewMapper made already, for example on another goroutine while
	// the dataset was validated; WriteDump then does not make it again
	// (NeedsMapping says which formats use it). It must be the mapping of
	// the dataset written.
	Mapping *rdf.Mapper
}

// NeedsMapping reports whether writing formats (nil: AllFormats) maps the
// records to RDF, so that a mapping made beforehand
// ([DumpOptions.Mapping]) is used: the RDF files, the catalogue (whose
// statistics come from the mapping) and the site do.
func NeedsMapping(formats []Format) bool {
	if formats == nil {
		return true
	}
	return slices.ContainsFunc(formats, func(f Format) bool {
		switch f {
		case FormatTurtle, FormatNTriples, FormatJSONLD, FormatCatalog, FormatSite:
			return true
		}
		return false
	})
}

// InvalidError is the error of WriteDump for a dataset that validation
// finds errors in: nothing is written.
type InvalidError struct {
	Diagnostics validate.Diagnostics
}

func (e *InvalidError) Error() string {
	n, _ := e.Diagnostics.Counts()
	for _, d := range e.Diagnostics {
		if d.Severity == validate.Error {
			return fmt.Sprintf("export: the records have %d error(s), the first: %v", n, d)
		}
	}
	return "export: the records have errors"
}

// DumpFile describes one file written into a dump.
type DumpFile struct {
	Path   string // slash-separated, relative to the dump directory
	Format Format
	Size   int64
	SHA256 string // lower-case hex; "" when the dump has no catalogue, which is what needs it
}

// WriteDump writes ds into the directory dir as a dump (SPEC section 4),
// after validating it: a dataset with errors is refused (an
// *InvalidError) and nothing is written.
// every file goes into a temporary directory beside dir, which then
// replaces dir. If anything fails, or ctx is cancelled, the temporary
// directory is removed and dir is left as it was. An existing dir is
// replaced only when it is empty or holds nothing but dump files.
func WriteDump(ctx context.Context, dir string, ds *model.Dataset, opts DumpOptions) error {
	return writeDump(ctx, dir, ds, opts, nil)
}

// writeDump is WriteDump with a hook that wraps every file's writer, so
// tests can simulate a full disk.
func writeDump(ctx context.Context, dir string, ds *model.Dataset, opts DumpOptions, wrap func(io.Writer) io.Writer) error {
	if err := checkDataset(ds, opts.Validation); err != nil {
		return err
	}
	if m := opts.Mapping; m != nil && m.Dataset() != ds {
		return errors.New("export: the mapping in the options is of another dataset")
	}
	names := dumpNames
	if slices.Contains(opts.Formats, FormatSite) {
		names = siteNames
	}
	return replaceAtomically(ctx, dir, names, func(tmp string) error {
		d := &dump{ctx: ctx, dir: tmp, ds: ds, opts: opts, wrap: wrap}
		formats := opts.Formats
		if formats == nil {
			formats = AllFormats
		}
		for _, f := range formats {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := d.write(f); err != nil {
				return err
			}
		}
		return nil
	})
}

// checkDataset refuses a dataset without a usable base, or one that
// validation finds errors in: diags when the caller has them, else what
// validate.Validate reports now.
func checkDataset(ds *model.Dataset, diags *validate.Diagnostics) error {
	if err := model.CheckBase(ds.Info.Base); err != nil {
		return err
	}
	if diags == nil {
		d := validate.Validate(ds, nil)
		diags = &d
	}
	if diags.HasErrors() {
		return &InvalidError{Diagnostics: *diags}
	}
	return nil
}

// replaceAtomically has fill write into a temporary directory beside
// dir, which then replaces dir. If anything fails, or ctx is cancelled,
// the temporary directory is removed and dir is left as it was. An
// existing dir is replaced only when it is empty or holds nothing but
// names (so that what a user had is never deleted).
func replaceAtomically(ctx context.Context, dir string, names map[string]bool, fill func(tmp string) error) (err error) {
	if err := checkReplaceable(dir, names); err != nil {
		return err
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".tmp-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := fill(tmp); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	return replaceDir(tmp, dir)
}

// NotReplaceableError is the error of WriteDump when the output
// directory cannot be replaced by a dump: it is a file, or it holds
// something a dump does not write (which an export must never delete).
type NotReplaceableError struct {
	Dir   string
	Entry string // the entry that is not part of a dump; "" when Dir is not a directory
}

func (e *NotReplaceableError) Error() string {
	if e.Entry == "" {
		return fmt.Sprintf("export: %s exists and is not a directory", e.Dir)
	}
	return fmt.Sprintf("export: %s holds %s, which is not part of a dump", e.Dir, e.Entry)
}

// checkReplaceable refuses a dir that holds an entry whose name is not
// among names, the top-level names of what replaces it.
func checkReplaceable(dir string, names map[string]bool) error {
	st, err := os.Stat(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return &NotReplaceableError{Dir: dir}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !names[e.Name()] {
			return &NotReplaceableError{Dir: dir, Entry: e.Name()}
		}
	}
	return nil
}

// ErrPreviousDumpLeft is wrapped by the error of WriteDump when the new
// dump is in place but the previous one, moved aside beside it (a hidden
// directory named after dir, with ".old-"), could not be removed, for
// instance because it holds a read-only directory.
var ErrPreviousDumpLeft = errors.New("export: the new dump is in place, but the previous one could not be removed")

// replaceDir moves tmp to dir, moving an existing dir aside first and
// removing it once tmp is in place; on failure the old dir is put back.
func replaceDir(tmp, dir string) error {
	old := ""
	if _, err := os.Stat(dir); err == nil {
		o, err := os.MkdirTemp(filepath.Dir(filepath.Clean(dir)), "."+filepath.Base(dir)+".old-")
		if err != nil {
			return err
		}
		os.Remove(o)
		if err := os.Rename(dir, o); err != nil {
			return err
		}
		old = o
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		return err
	}
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("%w from %s: %v", ErrPreviousDumpLeft, old, err)
		}
	}
	return nil
}

// dump is one export in progress.
type dump struct {
	ctx   context.Context
	dir   string // the temporary directory
	ds    *model.Dataset
	opts  DumpOptions
	files []DumpFile
	wrap  func(io.Writer) io.Writer // tests only
	stats *rdf.Stats                // of the RDF, once written
	m     *rdf.Mapper               // the mapping, once made (or given)
}

// mapper returns the mapping of the dataset, made on first use unless the
// options hold it; the RDF files and the site share it.
func (d *dump) mapper() (*rdf.Mapper, error) {
	if d.m == nil {
		d.m = d.opts.Mapping
	}
	if d.m == nil {
		m, err := rdf.NewMapper(d.ds)
		if err != nil {
			return nil, err
		}
		d.m = m
	}
	return d.m, nil
}

func (d *dump) write(f Format) error {
	w, ok := parts[f]
	if !ok {
		return fmt.Errorf("export: unknown format %v", f)
	}
	return w(d)
}

// create writes one file of the dump through fn, buffered, and records
// its size and SHA-256 for the catalogue.
func (d *dump) create(rel string, f Format, fn func(w io.Writer) error) error {
	if d.opts.Progress != nil {
		d.opts.Progress(rel)
	}
	p := filepath.Join(d.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	file, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	// The checksums are for the catalogue (and the site's dataset page):
	// hashing 5 GB of output costs seconds a dump without one need not pay.
	var h hash.Hash
	if d.wants(FormatCatalog) {
		h = sha256.New()
	}
	var w io.Writer = writeback(file)
	if d.wrap != nil {
		w = d.wrap(w)
	}
	cw := &countingWriter{w: w, h: h}
	bw := bufio.NewWriterSize(cw, 256<<10)
	err = fn(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = file.Sync()
	}
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("export: writing %s: %w", path.Clean(rel), err)
	}
	sum := ""
	if h != nil {
		sum = hex.EncodeToString(h.Sum(nil))
	}
	d.files = append(d.files, DumpFile{Path: rel, Format: f, Size: cw.n, SHA256: sum})
	return nil
}

type countingWriter struct {
	w io.Writer
	h hash.Hash
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	if c.h != nil {
		c.h.Write(p[:n])
	}
	c.n += int64(n)
	return n, err
}

// ctxWriter stops a long write once ctx is cancelled (an interrupted
// export): the writers flush in chunks, so it is checked often.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}
