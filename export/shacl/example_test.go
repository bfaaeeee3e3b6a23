package shacl_test

import (
	"fmt"
	"strings"

	"github.com/civicnet/civicnet/export/shacl"
)

func ExampleWriteShapes() {
	var buf strings.Builder
	if err := shacl.WriteShapes(&buf); err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(buf.String(), "\n") {
		if strings.HasPrefix(line, "<"+shacl.NS+"Membership>") {
			fmt.Println(line)
		}
	}
	// Output:
	// <https://w3id.org/civicnet/shapes#Membership> a sh:NodeShape ;
}
