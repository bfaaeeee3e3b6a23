package export

import "errors"

// Placeholders until the packaging formats land; that work deletes this file.

func (d *dump) writeCatalog() error { return errors.New("catalog is not built yet") }
func (d *dump) writeShapes() error  { return errors.New("shapes is not built yet") }
