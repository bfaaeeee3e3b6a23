package model_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/civicnet/civicnet/model"
)

func TestCheckBase(t *testing.T) {
	tests := []struct{ base, err string }{
		{"https://data.example.org/net/", ""},
		{"", "model: base is not set"},
		{"data.example.org/net/", `model: base "data.example.org/net/" is not an absolute http(s) IRI`},
		{"https://data.example.org/net", `model: base "https://data.example.org/net" does not end with /`},
		{"https://data.example.org/a b/", `model: base "https://data.example.org/a b/" holds a character not allowed in an IRI base (space, <>"{}|\^` + "`" + ` # ?)`},
		// A control character made "civicnet export --base" panic in the
		// mapping instead of being a usage error.
		{"https://data.example.org/\n/", `model: base "https://data.example.org/\n/" holds a control character`},
		{"https://data.example.org/\t/", `model: base "https://data.example.org/\t/" holds a control character`},
		{"https://data.example.org/\x7f/", `model: base "https://data.example.org/\x7f/" holds a control character`},
		{"https://data.example.org/\u0085/", `model: base "https://data.example.org/\u0085/" holds a control character`},
		{"https://data.example.org/\xff/", `model: base "https://data.example.org/\xff/" is not valid UTF-8`},
		// json-gold dropped every triple of dataset.jsonld with these.
		{"https:///", `model: base "https:///" has no host name`},
		{"https://data.example.org/%zz/", `model: base "https://data.example.org/%zz/" is not a valid IRI: a % is not followed by two hexadecimal digits`},
		{"https://data.example.org:port/", `model: base "https://data.example.org:port/" has no valid host name: "data.example.org:port" is not one`},
		{"https://städte.example/net/", ""},
		{"https://xn--stdte-gra.example:8443/net/", ""},
		{"https://[2001:db8::1]/net/", ""},
		// A user name in the base would put credentials into every IRI.
		{"https://user@data.example.org/net/", `model: base "https://user@data.example.org/net/" has no valid host name: "user@data.example.org" is not one`},
		{"http://!/", `model: base "http://!/" has no valid host name: "!" is not one`},
		{"http://data_set.example.org/", `model: base "http://data_set.example.org/" has no valid host name: "data_set.example.org" is not one`},
		{"http://data.example.org:/", `model: base "http://data.example.org:/" has no valid host name: "data.example.org:" is not one`},
		{"http://data..example.org/", `model: base "http://data..example.org/" has no valid host name: "data..example.org" is not one`},
		{"http://-data.example.org/", `model: base "http://-data.example.org/" has no valid host name: "-data.example.org" is not one`},
		{"http://192.0.2.1:8080/net/", ""},
		{"http://0.0000000/", `model: base "http://0.0000000/" has no valid host name: "0.0000000" is not one`},
		{"http://192.0.02.1/", `model: base "http://192.0.02.1/" has no valid host name: "192.0.02.1" is not one`},
		{"http://x.example/" + strings.Repeat("a", 1020) + "/", `model: base "http://x.example/` + strings.Repeat("a", 47) + `…" is 1038 bytes long; the limit is 1024`},
	}
	for _, tc := range tests {
		t.Run(tc.base, func(t *testing.T) {
			err := model.CheckBase(tc.base)
			if tc.err == "" {
				assert.NoError(t, err)
				return
			}
			assert.EqualError(t, err, tc.err)
		})
	}
}
