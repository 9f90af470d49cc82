package store_test

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// scalingUnits × scalingIndicators is the size of one import of
// BenchmarkImportScaling: 3,000 counties × 133 indicators = 399,000
// figures, one period.
const (
	scalingUnits      = 3000
	scalingIndicators = 133
)

// BenchmarkImportScaling imports 399,000 figures of a new period into a
// database that already holds 0, 399,000 or 3,990,000 figures (of other
// periods, one import each), on SQLite and (with TEST_POSTGRES_DSN)
// PostgreSQL, to show that an import's time depends on what is imported,
// not on what is stored. It reports the rows, the seconds, the CPU seconds
// of this process (SQLite runs in it; less disturbed than the wall clock
// on a shared machine) and, where /proc/self/io says, the megabytes the
// process wrote. Slow: run one size
// at a time,
//
//	go test ./internal/store/ -run '^$' -bench 'ImportScaling/sqlite/stored=0$' -benchtime 1x
func BenchmarkImportScaling(b *testing.B) {
	for _, d := range []struct {
		name string
		open func(testing.TB) *store.DB
	}{{"sqlite", storetest.MustOpen}, {"postgres", storetest.MustOpenPostgres}} {
		for _, periods := range []int{0, 1, 10} {
			b.Run(fmt.Sprintf("%s/stored=%d", d.name, periods*scalingUnits*scalingIndicators), func(b *testing.B) {
				db := d.open(b)
				units, inds := scalingCatalogue(b, db)
				for p := range periods {
					if _, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import"},
						scalingRows(units, inds, strconv.Itoa(2000+p))); err != nil {
						b.Fatal(err)
					}
				}
				written, cpu := writtenBytes(), processCPU()
				b.ResetTimer()
				for i := range b.N {
					rows := scalingRows(units, inds, strconv.Itoa(2030+i))
					if _, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import"}, rows); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				b.ReportMetric(float64(scalingUnits*scalingIndicators), "rows/op")
				b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/op")
				b.ReportMetric((processCPU()-cpu).Seconds()/float64(b.N), "cpu-s/op")
				if written >= 0 {
					b.ReportMetric(float64(writtenBytes()-written)/float64(b.N)/(1<<20), "MB-written/op")
				}
			})
		}
	}
}

// scalingCatalogue stores the counties and indicators of the benchmark.
func scalingCatalogue(b *testing.B, db *store.DB) (units, inds []string) {
	b.Helper()
	us := []store.Unit{{Code: "620000", Name: "省", Kind: store.UnitProvince}}
	for p := 1; p <= scalingUnits/75; p++ {
		pc := fmt.Sprintf("62%02d00", p)
		us = append(us, store.Unit{Code: pc, Name: "市" + pc, Kind: store.UnitPrefecture, Parent: "620000"})
		for c := 1; c <= 75; c++ {
			code := fmt.Sprintf("62%02d%02d", p, c)
			units = append(units, code)
			us = append(us, store.Unit{Code: code, Name: "县" + code, Kind: store.UnitCounty, Parent: pc})
		}
	}
	if err := db.PutUnits(ctx, alice, us); err != nil {
		b.Fatal(err)
	}
	var is []store.Indicator
	for i := range scalingIndicators {
		code := fmt.Sprintf("x%03d", i)
		inds = append(inds, code)
		is = append(is, store.Indicator{Code: code, NameZH: "指标" + code, Direction: 1, Department: "统计局"})
	}
	if err := db.PutIndicators(ctx, alice, is); err != nil {
		b.Fatal(err)
	}
	return units, inds
}

// scalingRows is one period's figures in the order of a wide table: by
// county, then indicator.
func scalingRows(units, inds []string, period string) []store.Observation {
	rows := make([]store.Observation, 0, len(units)*len(inds))
	for i, u := range units {
		for j, ind := range inds {
			rows = append(rows, store.Observation{Unit: u, Indicator: ind, Period: period, Value: float64(i*1000+j) + 0.5, Source: "bench.csv"})
		}
	}
	return rows
}

// writtenBytes is what the process has written to storage so far
// (write_bytes of /proc/self/io), −1 where that is not known.
func writtenBytes() int64 {
	b, err := os.ReadFile("/proc/self/io")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "write_bytes: "); ok {
			n, err := strconv.ParseInt(v, 10, 64)
			if err == nil {
				return n
			}
		}
	}
	return -1
}
