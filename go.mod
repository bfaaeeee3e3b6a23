module github.com/civicnet/civicnet

go 1.26.0

require (
	github.com/google/uuid v1.6.0
	github.com/spf13/pflag v1.1.0
	go.yaml.in/yaml/v3 v3.0.6
	golang.org/x/sys v0.48.0
	golang.org/x/text v0.43.0
)

// Test dependencies.
require (
	github.com/chromedp/chromedp v0.23.1
	github.com/knakk/rdf v0.0.0-20260317081859-15b52521cde6
	github.com/piprate/json-gold v0.9.1
	github.com/rogpeppe/go-internal v1.16.0
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	github.com/stretchr/testify v1.12.1
)

require (
	github.com/cayleygraph/quad v1.3.0 // indirect
	github.com/chromedp/cdproto v0.160.1 // indirect
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	github.com/pquerna/cachecontrol v0.2.0 // indirect
	golang.org/x/tools v0.51.0 // indirect
)
