package zone

import (
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/table"
)

// FuzzReadRegistry: any zones and sub-parks tables are read without a
// panic, and what is accepted passes its own checks.
func FuzzReadRegistry(f *testing.F) {
	f.Add("code,name,level,kind,host,industries,lat,lon\nZ1,甲,国家级,经开区,620100,a、b,36,103\n", "zone,code,name,host,output_share\nZ1,P1,园,620100,0.5\n")
	f.Add("code,name,level,kind,host\n,,,,\n", "zone,code,name,host\nX,,,\n")
	f.Add("code,name,level,kind,host,lat\nZ,n,other,k,h,1e999\n", "")
	f.Fuzz(func(t *testing.T, zs, ss string) {
		zt, err := table.Read("z.csv", strings.NewReader(zs))
		if err != nil {
			return
		}
		var st *table.Table
		if ss != "" {
			if st, err = table.Read("s.csv", strings.NewReader(ss)); err != nil {
				return
			}
		}
		got, err := ReadRegistry(zt, st, nil)
		if err != nil {
			return
		}
		for _, z := range got {
			if p := z.Check(); len(p) > 0 {
				t.Errorf("accepted zone %q with problems %v", z.Code, p)
			}
			for _, s := range z.Subparks {
				if p := s.Check(); len(p) > 0 {
					t.Errorf("accepted sub-park %q with problems %v", s.Code, p)
				}
			}
		}
	})
}

// FuzzReadPositions: any positions table is read without a panic; an
// accepted position is at least 1 with its source.
func FuzzReadPositions(f *testing.F) {
	f.Add("zone,year,list,position,source\nZ1,2023,百强,79,报告\n")
	f.Add("zone,year,list,position,source\nZ1,x,,0,\n")
	f.Fuzz(func(t *testing.T, s string) {
		tb, err := table.Read("p.csv", strings.NewReader(s))
		if err != nil {
			return
		}
		ps, err := ReadPositions(tb)
		if err != nil {
			return
		}
		for _, p := range ps {
			if p.Position < 1 || strings.TrimSpace(p.Source) == "" {
				t.Errorf("accepted %+v", p)
			}
		}
	})
}
