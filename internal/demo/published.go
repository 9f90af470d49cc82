package demo

import "strconv"

// Published is a row of data/gansu_county_awards_known.csv: an award the
// provincial press reported (sources in the file).
type Published struct {
	Year  int
	Award string // 十强县, 先进县, 进步县
	Order int    // order in the source, 0 when none
	Rank  int    // the rank the source states, 0 when none
	Code  string
	Name  string
	Type  string // the type the source states, "" when none
	Rise  int    // the rise in places the source states, 0 when none
	URL   string
}

// PublishedAwards returns the published award lists the demo is calibrated
// to, in the order of the file.
func PublishedAwards() []Published {
	rows := readCSV("data/gansu_county_awards_known.csv", "year", "award", "order_in_source", "rank_verified",
		"county_code", "county_name", "dev_type", "delta_places", "source_url")
	out := make([]Published, len(rows))
	for i, r := range rows {
		out[i] = Published{Year: atoi(r[0]), Award: r[1], Order: optInt(r[2]), Rank: optInt(r[3]), Code: r[4],
			Name: r[5], Type: r[6], Rise: optInt(r[7]), URL: r[8]}
	}
	return out
}

func optInt(s string) int {
	if s == "" {
		return 0
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		panic("demo: bad integer " + strconv.Quote(s))
	}
	return v
}
