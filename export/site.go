package export

import (
	"context"
	"path"
	"strings"

	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/export/site"
	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/validate"
)

// SiteOptions control WriteSite.
type SiteOptions struct {
	// CSVBOM starts every CSV file of the dump with a UTF-8 byte order
	// mark.
	CSVBOM bool
	// Progress, when set, is called as each file of the dump is started
	// and once for the site's pages ("site").
	Progress func(file string)
	// Validation is as for DumpOptions: what validate.Validate reported
	// on the dataset, or nil for WriteSite to validate it.
	Validation *validate.Diagnostics
	// Mapping is as for DumpOptions: the dataset's mapping made
	// beforehand, or nil for WriteSite to make it. The dump and the
	// pages share it.
	Mapping *rdf.Mapper
}

// WriteSite writes ds into the directory dir as a static linked-data
// site (package site: a page and the RDF of every record at its IRI's
// path, an index, the concept schemes) together with the whole dump,
// which the site's dataset page lists and links. Like WriteDump it
// writes into a temporary directory beside dir, which then replaces
// dir: a failure or a cancelled ctx leaves dir as it was. An existing
// dir is replaced only when it is empty or holds nothing but what a site
// writes.
func WriteSite(ctx context.Context, dir string, ds *model.Dataset, opts SiteOptions) error {
	dopts := DumpOptions{Formats: writeOrder, CSVBOM: opts.CSVBOM, Progress: opts.Progress, Validation: opts.Validation,
		Mapping: opts.Mapping}
	return writeDump(ctx, dir, ds, dopts, nil)
}

// siteNames are the top-level names of a site: the dump's and the
// pages'.
var siteNames = func() map[string]bool {
	names := map[string]bool{}
	for n := range dumpNames {
		names[n] = true
	}
	for _, n := range site.Names() {
		top, _, _ := strings.Cut(path.Clean(n), "/")
		names[top] = true
	}
	return names
}()

// writeSite writes the site's pages into the dump, listing on its
// dataset page the files written before it.
func (d *dump) writeSite() error {
	if d.opts.Progress != nil {
		d.opts.Progress("site")
	}
	var listed []site.File
	for _, f := range d.files {
		dist := distribution(f, "", func(string) bool { return false })
		listed = append(listed, site.File{Path: f.Path, MediaType: dist.MediaType, Description: dist.Description, Size: f.Size, SHA256: f.SHA256})
	}
	m, err := d.mapper()
	if err != nil {
		return err
	}
	return site.Write(d.ctx, d.dir, d.ds, site.Options{Files: listed, Mapping: m})
}
