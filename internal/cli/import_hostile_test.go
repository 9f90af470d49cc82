package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/qiangxian/qiangxian/internal/table/tabletest"
)

// TestImportCommandHostile: the command-line import reads within the
// [limits] of the configuration (here from the environment), refuses a
// hostile file at its place with exit 2 and writes nothing; an office's
// GBK file is converted with a notice, and a table of county names waits
// for --confirm-names.
func TestImportCommandHostile(t *testing.T) {
	dsn := importDB(t, false)
	dir := t.TempDir()
	xfd := filepath.Join(dir, "xfd.xlsx")
	if err := os.WriteFile(xfd, tabletest.Workbook{Sheet: tabletest.XFDSheet(1_000_000)}.Build(t), 0o644); err != nil {
		t.Fatal(err)
	}
	commas := writeFile(t, "commas.csv", strings.Repeat(",", 8<<20)+"\n")
	gbkText, err := simplifiedchinese.GBK.NewEncoder().String("代码,名称,gdp\n620121,永登县,150.5\n")
	if err != nil {
		t.Fatal(err)
	}
	gbk := writeFile(t, "gbk.csv", gbkText)
	named := writeFile(t, "tj.csv", "地区,地区生产总值\n永登,151\n")
	old := writeFile(t, "old.xls", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
	rows := writeFile(t, "rows.csv", "代码,gdp\n620121,1\n620123,2\n")
	tests := []struct {
		name   string
		env    map[string]string
		args   []string
		code   int
		stdout string
		stderr []string
	}{
		{"header at XFD", nil, []string{"--file", xfd}, 2, "", []string{xfd + ":s!XFD1: 超过 4096 列的上限（配置项 limits.columns）"}},
		{"8 MiB of commas", nil, []string{"--file", commas}, 2, "", []string{commas + ":1:4097: 超过 4096 列的上限（配置项 limits.columns）"}},
		{"rows over the configured limit", map[string]string{"QIANGXIAN_LIMITS_ROWS": "1"}, []string{"--file", rows}, 2, "",
			[]string{rows + ":3: 数据超过 1 行的上限（配置项 limits.rows）"}},
		{"legacy workbook", nil, []string{"--file", old}, 2, "", []string{old + ": 这是旧版 Excel（.xls）或 WPS（.et）文件，无法读取：请在 Excel 或 WPS 中另存为 .xlsx 后重试"}},
		{"names awaiting confirmation", nil, []string{"--file", named}, 2, "", []string{named +
			":2:1: “永登”按名称（不计县、区、市等后缀）匹配为 620121 永登县；核对无误后请确认按名称匹配（勾选“确认名称匹配”，或命令行加 --confirm-names）再导入"}},
		{"names confirmed", nil, []string{"--file", named, "--confirm-names"}, 0, "已导入 " + named + "：修订 1", nil},
		{"GBK converted", nil, []string{"--file", gbk}, 0, "已导入 " + gbk + "：修订 2", []string{gbk + ": 文件按 GB18030（GBK）编码读取并已转换为 UTF-8"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			code, stdout, stderr := run(t, append([]string{"import", "--db", dsn, "--period", "2022", "--lang", "zh"}, tt.args...)...)
			if code != tt.code || !strings.HasPrefix(stdout, tt.stdout) {
				t.Errorf("exit %d, stdout %q; want %d, %q…\nstderr: %s", code, stdout, tt.code, tt.stdout, stderr)
			}
			var lines []string
			if s := strings.TrimSpace(stderr); s != "" {
				lines = strings.Split(s, "\n")
			}
			if d := cmp.Diff(tt.stderr, lines); d != "" {
				t.Errorf("stderr (-want +got):\n%s", d)
			}
		})
	}
}
