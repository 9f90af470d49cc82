package cli

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// writeBigLedger writes a ledger of n projects in 86 counties of 14
// prefectures and 10 funds rows each (the 100,000 projects and
// 1,000,000 funds rows for n = 100,000), deterministically.
func writeBigLedger(tb testing.TB, dir string, n int) (projects, funds string) {
	tb.Helper()
	projects, funds = filepath.Join(dir, "projects.csv"), filepath.Join(dir, "funds.csv")
	pf, err := os.Create(projects)
	if err != nil {
		tb.Fatal(err)
	}
	ff, err := os.Create(funds)
	if err != nil {
		tb.Fatal(err)
	}
	pw, fw := bufio.NewWriter(pf), bufio.NewWriter(ff)
	fmt.Fprintln(pw, "项目编号,项目名称,所在地代码,所在园区代码,投资方,投资方代码,投资方所在地,签约日期,签约活动,协议投资额,合同开工日期,实际开工日期,合同投产日期,实际投产日期,终止日期,增资对象,迁建")
	fmt.Fprintln(fw, "项目编号,月份,金额,资金来源,凭证,出资方所在地")
	locs := []string{"310115", "440300", "110105", "620102", "HK", "US", "", "620602"}
	sources := []string{"股东出资", "企业自有", "外地金融机构", "本地金融机构", "政府资金", "专项债"}
	for i := range n {
		county := fmt.Sprintf("62%02d%02d", 1+i%14, 1+(i/14)%6)
		zone := ""
		if i%3 == 0 {
			zone = "Z" + county
		}
		y, mo := 2020+i%5, 1+i%12
		signed := fmt.Sprintf("%d-%02d-%02d", y, mo, 1+i%28)
		start, term, inc := "", "", ""
		if i%4 != 0 {
			start = fmt.Sprintf("%d-%02d-15", y+1, mo)
		}
		if i%17 == 0 {
			term = fmt.Sprintf("%d-%02d-20", y+1, mo)
		}
		if i%50 == 49 {
			inc = fmt.Sprintf("P%06d", i-1)
		}
		fmt.Fprintf(pw, "P%06d,（示例数据）项目%d,%s,%s,示例公司%d,,%s,%s,第%d届兰洽会,%d.%02d,%d-%02d-28,%s,%d-%02d-28,,%s,%s,%s\n",
			i, i, county, zone, i, locs[i%len(locs)], signed, 26+i%5, 1+i%20, i%100, y+1, mo, start, y+2, mo, term, inc, map[bool]string{true: "是"}[i%97 == 0])
		for k := range 10 {
			my := y + (mo+k)/12
			evidence := "进账单"
			if (i+k)%11 == 0 {
				evidence = ""
			}
			payer := ""
			if (i+k)%13 == 0 {
				payer = "HK"
			}
			fmt.Fprintf(fw, "P%06d,%d-%02d,0.%03d,%s,%s,%s\n", i, my, 1+(mo+k)%12, 1+(i*7+k)%999, sources[(i+k)%len(sources)], evidence, payer)
		}
	}
	for _, err := range []error{pw.Flush(), fw.Flush(), pf.Close(), ff.Close()} {
		if err != nil {
			tb.Fatal(err)
		}
	}
	return projects, funds
}

// TestWriteBigLedger writes the benchmark ledger to $QX_INVEST_BIG_DIR, to
// time the command as a process:
//
//	QX_INVEST_BIG_DIR=/tmp/big go test ./internal/cli/ -run TestWriteBigLedger
//	/usr/bin/time -v qiangxian invest metrics --projects /tmp/big/projects.csv \
//	  --funds /tmp/big/funds.csv --level county --from 2023-01 --to 2023-12 \
//	  --cohort-year 2022 --out /tmp/big/m.csv
func TestWriteBigLedger(t *testing.T) {
	dir := os.Getenv("QX_INVEST_BIG_DIR")
	if dir == "" {
		t.Skip("QX_INVEST_BIG_DIR is not set")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeBigLedger(t, dir, 100_000)
}

// BenchmarkInvestMetrics is invest metrics over 100,000 projects and
// 1,000,000 funds rows, in the process (reading, checking, computing,
// writing).
func BenchmarkInvestMetrics(b *testing.B) {
	dir := b.TempDir()
	p, f := writeBigLedger(b, dir, 100_000)
	out := filepath.Join(dir, "m.csv")
	b.ResetTimer()
	for range b.N {
		code, _, stderr := runCLI(b, "invest", "metrics", "--projects", p, "--funds", f, "--level", "county",
			"--from", "2023-01", "--to", "2023-12", "--cohort-year", "2022", "--out", out)
		if code != 0 {
			b.Fatal(stderr)
		}
	}
}
