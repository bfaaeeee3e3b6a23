// Package examples holds record sets that model the three seed texts of
// civicnet (an Efus member profile of Regione Toscana, the PARTERRE
// project's partner page, and a PACTESUR workshop in Torino), embedded so
// that tests and Example functions can load them without touching disk.
//
// The YAML and JSON files beside this file are the record set; README.md
// maps every statement of every seed to the record that holds it.
package examples

import (
	"embed"
	"io/fs"

	"github.com/civicnet/civicnet/model"
	"github.com/civicnet/civicnet/model/recordfile"
)

//go:embed civicnet.yaml events legislation organizations people places projects regions
var files embed.FS

// FS returns the example record set as a file system rooted at the record
// set (civicnet.yaml at its root).
func FS() fs.FS { return files }

// Load decodes the example record set. The examples decode without
// problems; a problem here is a bug in the examples or the decoder.
func Load() (*model.Dataset, []model.Problem) {
	return recordfile.LoadFS(files, recordfile.Options{})
}
