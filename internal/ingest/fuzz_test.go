package ingest_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/ingest"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/table"
)

// FuzzCheckWide runs the wide-table checker on arbitrary CSV against the
// seeded catalogue: it must not panic; every refusal is located in the
// file (or a refusal of rights); what it accepts are figures of known
// units and indicators, finite or missing.
func FuzzCheckWide(f *testing.F) {
	db := storetest.MustOpen(f)
	seed(f, db)
	f.Add("代码,gdp\n620121,1.5\n")
	f.Add("代码,期间,gdp,年末常住人口,备注\n620121,2022,1,2,x\n620123,2023,NA,,\n")
	f.Add("单位代码,地区生产总值,参考：2021年 gdp\n620121,0x1p-2,3\n")
	f.Add("代码,gdp,gdp\n620121,1,2\n")
	f.Add("代码,rev\n999999,1e400\n")
	f.Fuzz(func(t *testing.T, in string) {
		tb, err := table.Read("f.csv", strings.NewReader(in))
		if err != nil {
			return
		}
		rows, err := ingest.CheckWide(ctx, db, analyst, tb, ingest.Options{Period: "2022"})
		if err != nil {
			es, ok := asErrors(err)
			if !errors.Is(err, ingest.ErrForbidden) && (!ok || len(es) == 0 || es[0].File != "f.csv") {
				t.Fatalf("error %T %v is not located", err, err)
			}
			return
		}
		for _, o := range rows {
			if math.IsInf(o.Value, 0) || o.Indicator == "" || !strings.HasPrefix(o.Unit, "62") || o.Period == "" {
				t.Fatalf("figure %+v", o)
			}
		}
	})
}
