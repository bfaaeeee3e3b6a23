module github.com/civicnet/civicnet

go 1.26

require (
	github.com/google/uuid v1.6.0
	github.com/stretchr/testify v1.12.1
	go.yaml.in/yaml/v3 v3.0.6
	golang.org/x/text v0.14.0
)
