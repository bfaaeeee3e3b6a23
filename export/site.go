package export

import (
	"context"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/civicnet/civicnet/export/site"
	"github.com/civicnet/civicnet/model"
)

// SiteOptions control WriteSite.
type SiteOptions struct {
	// CSVBOM starts every CSV file of the dump with a UTF-8 byte order
	// mark.
	CSVBOM bool
	// Progress, when set, is called as each file of the dump is started
	// and once for the site's pages ("site").
	Progress func(file string)
}

// WriteSite writes ds into the directory dir as a static linked-data
// site (package site: a page and the RDF of every record at its IRI's
// path, an index, the concept schemes) together with the whole dump,
// which the site's dataset page lists and links. Like WriteDump it
// writes into a temporary directory beside dir, which then replaces
// dir: a failure or a cancelled ctx leaves dir as it was. An existing
// dir is replaced only when it is empty or holds nothing but what a site
// writes.
func WriteSite(ctx context.Context, dir string, ds *model.Dataset, opts SiteOptions) (err error) {
	if err := model.CheckBase(ds.Info.Base); err != nil {
		return err
	}
	if err := checkReplaceable(dir, siteNames); err != nil {
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
	d := &dump{ctx: ctx, dir: tmp, ds: ds, opts: DumpOptions{CSVBOM: opts.CSVBOM, Progress: opts.Progress}}
	for _, f := range AllFormats {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := d.write(f); err != nil {
			return err
		}
	}
	if opts.Progress != nil {
		opts.Progress("site")
	}
	var listed []site.File
	for _, f := range d.files {
		dist := distribution(f, "", func(string) bool { return false })
		listed = append(listed, site.File{Path: f.Path, MediaType: dist.MediaType, Description: dist.Description, Size: f.Size, SHA256: f.SHA256})
	}
	if err := site.Write(ctx, tmp, ds, site.Options{Files: listed}); err != nil {
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
