// Package demo holds Gansu's real reference data (the 86 county-level units,
// the 14 prefectures, the 2020 census population) and a deterministic
// generator of sample evaluation data (示例数据) for them: the files of
// examples/gansu, calibrated to the published provincial totals and the few
// county figures reported in the press.
package demo

import (
	"bytes"
	"embed"
	"fmt"
	"strconv"
	"sync"

	"github.com/qiangxian/qiangxian/internal/table"
)

// The CSV files and their sources and licences are described in
// data/README.md.
//
//go:embed data/*.csv
var dataFS embed.FS

// County is a county-level unit of Gansu (区, 县级市, 县, 自治县) with its
// population from the 7th census (2020) and the 6th (2010).
type County struct {
	Code           string // 6-digit division code
	Name           string
	PrefectureCode string
	PrefectureName string
	Pop2020        int // resident population, persons
	UrbanPop2020   int
	RuralPop2020   int
	PctAge65       float64 // share aged 65 and over in 2020, %
	Pop2010        int
}

// UrbanShare returns the urban share of the 2020 resident population, 0–1.
func (c County) UrbanShare() float64 { return float64(c.UrbanPop2020) / float64(c.Pop2020) }

// Prefecture is a prefecture-level unit of Gansu (市 or 自治州).
type Prefecture struct {
	Code string
	Name string
}

var (
	loadOnce    sync.Once
	counties    []County
	prefectures []Prefecture
)

// Counties returns Gansu's 86 county-level units in code order, with their
// census population.
func Counties() []County {
	loadOnce.Do(load)
	return append([]County(nil), counties...)
}

// Prefectures returns Gansu's 14 prefecture-level units in code order.
func Prefectures() []Prefecture {
	loadOnce.Do(load)
	return append([]Prefecture(nil), prefectures...)
}

// CountyByCode returns the county with the division code, if any.
func CountyByCode(code string) (County, bool) {
	loadOnce.Do(load)
	for _, c := range counties {
		if c.Code == code {
			return c, true
		}
	}
	return County{}, false
}

// load parses the embedded files. They are part of the binary and covered
// by tests, so a problem in them is a build defect: it panics.
func load() {
	pre := readCSV("data/gansu_prefectures.csv", "code", "name")
	for _, r := range pre {
		prefectures = append(prefectures, Prefecture{Code: r[0], Name: r[1]})
	}
	div := readCSV("data/gansu_counties.csv", "code", "name", "prefecture_code", "prefecture_name")
	pop := readCSV("data/gansu_census_county_pop.csv", "code", "name", "pop_2020", "urban_pop_2020", "rural_pop_2020",
		"pct_age65plus_2020", "pop_2010")
	census := map[string][]string{}
	for _, r := range pop {
		census[r[0]] = r
	}
	for _, r := range div {
		p, ok := census[r[0]]
		if !ok || p[1] != r[1] {
			panic(fmt.Sprintf("demo: county %s %s has no census row", r[0], r[1]))
		}
		counties = append(counties, County{
			Code: r[0], Name: r[1], PrefectureCode: r[2], PrefectureName: r[3],
			Pop2020: atoi(p[2]), UrbanPop2020: atoi(p[3]), RuralPop2020: atoi(p[4]),
			PctAge65: atof(p[5]), Pop2010: atoi(p[6]),
		})
	}
}

// readCSV returns the named columns of an embedded CSV file, row by row.
func readCSV(path string, cols ...string) [][]string {
	b, err := dataFS.ReadFile(path)
	if err != nil {
		panic(err)
	}
	t, err := table.Read(path, bytes.NewReader(b))
	if err != nil {
		panic(err)
	}
	idx := make([]int, len(cols))
	for i, c := range cols {
		if idx[i] = t.Col(c); idx[i] < 0 {
			panic(fmt.Sprintf("demo: %s has no column %q", path, c))
		}
	}
	out := make([][]string, len(t.Rows))
	for r, row := range t.Rows {
		out[r] = make([]string, len(cols))
		for i, j := range idx {
			out[r][i] = row[j]
		}
	}
	return out
}

func atoi(s string) int {
	v, err := strconv.Atoi(s)
	if err != nil {
		panic(fmt.Sprintf("demo: bad integer %q", s))
	}
	return v
}

func atof(s string) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic(fmt.Sprintf("demo: bad number %q", s))
	}
	return v
}
