package recordfile_test

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/civicnet/civicnet/model/recordfile"
)

func ExampleWriteSchema() {
	var buf bytes.Buffer
	if err := recordfile.WriteSchema(&buf); err != nil {
		fmt.Println(err)
		return
	}
	var schema struct {
		Schema      string                     `json:"$schema"`
		Definitions map[string]json.RawMessage `json:"definitions"`
	}
	if err := json.Unmarshal(buf.Bytes(), &schema); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(schema.Schema)
	_, ok := schema.Definitions["membership"]
	fmt.Println("has membership:", ok)
	// Output:
	// http://json-schema.org/draft-07/schema#
	// has membership: true
}
