package export

import (
	"io"
	"path"
)

// The parts of a dump that package the data for other tools: CSV with
// CSVW metadata, the SHACL shapes, the JSON Schema and the DCAT catalogue.

// ShapesFile is the name of the SHACL shapes in a dump.
const ShapesFile = "shapes.ttl"

// csvDir is the directory of the CSV tables inside a dump.
const csvDir = "csv"

func (d *dump) writeCSV() error {
	tables, x := newTables(d.ds)
	for _, t := range tables {
		if err := d.ctx.Err(); err != nil {
			return err
		}
		err := d.create(path.Join(csvDir, t.name+".csv"), FormatCSV, func(w io.Writer) error {
			cw := NewCSVWriter(w, t.name)
			cw.BOM = d.opts.CSVBOM
			if err := cw.write(t, x); err != nil {
				return err
			}
			return cw.Flush()
		})
		if err != nil {
			return err
		}
	}
	return d.create(path.Join(csvDir, CSVMetadataFile), FormatCSV, func(w io.Writer) error {
		return WriteCSVMetadata(w, d.ds)
	})
}

func (d *dump) writeShapes() error {
	return d.create(ShapesFile, FormatShapes, WriteShapes)
}

func (d *dump) writeSchema() error {
	return d.create(RecordSchemaFile, FormatSchema, WriteRecordSchema)
}

// writeCatalog describes the files written so far, so WriteDump writes
// it last (AllFormats ends with it).
func (d *dump) writeCatalog() error {
	files := append([]DumpFile(nil), d.files...)
	return d.create(CatalogFile, FormatCatalog, func(w io.Writer) error {
		return WriteCatalog(w, d.ds, files)
	})
}
