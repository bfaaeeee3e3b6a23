module example.org/incode

go 1.26.0

require github.com/civicnet/civicnet v0.0.0

require (
	github.com/google/uuid v1.6.0 // indirect
	go.yaml.in/yaml/v3 v3.0.6 // indirect
	golang.org/x/sys v0.48.0 // indirect
	golang.org/x/text v0.43.0 // indirect
)

replace github.com/civicnet/civicnet => ../..
