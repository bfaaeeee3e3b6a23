package model

import "sort"

// country returns the table entry of an ISO 3166-1 alpha-2 code.
func country(alpha2 string) (int, bool) {
	i := sort.Search(len(countries), func(i int) bool { return countries[i].alpha2 >= alpha2 })
	return i, i < len(countries) && countries[i].alpha2 == alpha2
}

// IsCountry reports whether code is an assigned ISO 3166-1 alpha-2 code
// (upper case). The EU's own EL and UK are not.
func IsCountry(code string) bool {
	_, ok := country(code)
	return ok
}

// CountryName returns the English short name of an alpha-2 code, or the
// code itself when it is unknown.
func CountryName(code string) string {
	if i, ok := country(code); ok {
		return countries[i].name
	}
	return code
}

// CountryAlpha3 returns the ISO 3166-1 alpha-3 code of an alpha-2 code, as
// used by the EU country authority table, or "" when it is unknown.
func CountryAlpha3(code string) string {
	if i, ok := country(code); ok {
		return countries[i].alpha3
	}
	return ""
}
