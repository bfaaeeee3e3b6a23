package recordfmt_test

import (
	"fmt"

	"github.com/civicnet/civicnet/model/recordfmt"
)

func ExampleSource() {
	src := []byte(`name: 'European Forum for Urban Security'   # the full name
id: "efus"
kind: organization
sources:
    - url: https://efus.eu
      title: "Efus"
`)
	out, err := recordfmt.Source("efus.yaml", src)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(out))
	// Output:
	// kind: organization
	// id: efus
	// name: European Forum for Urban Security # the full name
	// sources:
	//   - title: Efus
	//     url: https://efus.eu
}
