package export

import (
	"io"
	"path"
)

// The parts of a dump that package the data for other tools: CSV with
// CSVW metadata and the JSON Schema.

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

func (d *dump) writeSchema() error {
	return d.create(RecordSchemaFile, FormatSchema, WriteRecordSchema)
}
