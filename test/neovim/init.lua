-- Minimal headless Neovim config (no plugins) that runs the role-protocols
-- language server through Neovim's built-in LSP client, opens the files given
-- on the command line, waits for the diagnostics the server pushes, writes
-- them as JSON lines and quits.
--
-- Written for Neovim 0.7 (Debian 12): vim.lsp.start_client +
-- vim.lsp.buf_attach_client, the DiagnosticChanged autocmd and vim.wait.
-- Later versions keep all of these.
--
--   nvim --headless -n -i NONE -u test/neovim/init.lua -- FILE...
--
-- Environment (all optional):
--   RP_NODE        node executable that runs the server (default: node)
--   RP_SERVER      the server script (default: server/out/lsp/server.js of this repo)
--   RP_OUT         file for the JSON lines (default: stdout)
--   RP_TIMEOUT_MS  how long to wait for every file's diagnostics (default: 20000)
--   RP_SETTLE_MS   after the last file's first diagnostics, how long no further
--                  change must arrive before the result is taken (default: 300)
--
-- One JSON object a line, one line per diagnostic, in the order Neovim holds
-- them: file, lnum, col, end_lnum, end_col (0-based, columns in bytes as
-- vim.diagnostic keeps them), col_utf16/end_col_utf16 (the same columns in
-- UTF-16 code units, LSP's and the CLI's unit), severity (number) and
-- severity_name, code, source, message.
--
-- Exit codes: 0 every file got its diagnostics; 1 timeout; 2 setup error
-- (no files, server missing, client did not start, Lua error); 3 the server
-- exited before every file had its diagnostics.

vim.o.swapfile = false
vim.o.shadafile = 'NONE'
vim.o.hidden = true
vim.o.more = false
vim.cmd('filetype on')

local function env(name, default)
  local v = os.getenv(name)
  if v == nil or v == '' then return default end
  return v
end

local function this_dir()
  local source = debug.getinfo(1, 'S').source
  if source:sub(1, 1) == '@' then source = source:sub(2) end
  return vim.fn.fnamemodify(source, ':p:h')
end

local repo = vim.fn.fnamemodify(this_dir(), ':h:h')

local function say(msg)
  io.stderr:write('[nvim] ' .. msg .. '\n')
end

local function quit(code)
  io.stderr:flush()
  if code == 0 then
    vim.cmd('qall!')
  else
    vim.cmd('cquit ' .. code)
  end
end

local SEVERITY_NAMES = { [1] = 'error', [2] = 'warning', [3] = 'info', [4] = 'hint' }

-- Byte column (what vim.diagnostic holds) back to UTF-16 code units.
local function utf16_col(bufnr, lnum, col)
  local line = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1]
  if line == nil then return col end
  local ok, _, utf16 = pcall(vim.str_utfindex, line, math.min(col, #line))
  if ok and utf16 then return utf16 + math.max(0, col - #line) end
  return col
end

local function run()
  local files = vim.fn.argv()
  if #files == 0 then
    say('no files given')
    return 2
  end
  local node = env('RP_NODE', 'node')
  local server = env('RP_SERVER', repo .. '/server/out/lsp/server.js')
  local timeout = tonumber(env('RP_TIMEOUT_MS', '20000'))
  local settle = tonumber(env('RP_SETTLE_MS', '300'))
  local out_path = env('RP_OUT', nil)

  if vim.fn.filereadable(server) ~= 1 then
    say('server not found: ' .. server)
    return 2
  end
  if vim.fn.executable(node) ~= 1 then
    say('node not executable: ' .. node)
    return 2
  end

  local received = {}       -- bufnr -> true once DiagnosticChanged fired for it
  local last_change = vim.loop.now()
  local server_exit = nil   -- { code, signal } once the server process ended
  local buffers = {}        -- ordered list of { bufnr, file }

  vim.api.nvim_create_autocmd('DiagnosticChanged', {
    callback = function(args)
      received[args.buf] = true
      last_change = vim.loop.now()
    end,
  })

  local client_id = vim.lsp.start_client({
    name = 'role-protocols',
    cmd = { node, server, '--stdio' },
    cmd_cwd = repo,
    root_dir = repo,
    on_exit = function(code, signal)
      server_exit = { code = code, signal = signal }
    end,
  })
  if not client_id then
    say('vim.lsp.start_client failed')
    return 2
  end

  for i, file in ipairs(files) do
    if i > 1 then vim.cmd('edit ' .. vim.fn.fnameescape(file)) end
    local bufnr = vim.api.nvim_get_current_buf()
    if vim.bo[bufnr].filetype == '' then vim.cmd('filetype detect') end
    say(string.format('open %s (buffer %d, filetype %q)', file, bufnr, vim.bo[bufnr].filetype))
    if not vim.lsp.buf_attach_client(bufnr, client_id) then
      say('buf_attach_client failed for ' .. file)
      return 2
    end
    table.insert(buffers, { bufnr = bufnr, file = vim.api.nvim_buf_get_name(bufnr) })
  end

  local function all_received()
    for _, b in ipairs(buffers) do
      if not received[b.bufnr] then return false end
    end
    return true
  end

  local started = vim.loop.now()
  local done = vim.wait(timeout, function()
    if server_exit then return true end
    return all_received() and vim.loop.now() - last_change >= settle
  end, 20)
  local waited = vim.loop.now() - started

  if not all_received() then
    local missing = {}
    for _, b in ipairs(buffers) do
      if not received[b.bufnr] then table.insert(missing, b.file) end
    end
    if server_exit then
      say(string.format('server exited (code %s, signal %s) before diagnostics arrived for: %s',
        tostring(server_exit.code), tostring(server_exit.signal), table.concat(missing, ', ')))
      return 3
    end
    say(string.format('timeout after %d ms: no diagnostics for: %s', waited, table.concat(missing, ', ')))
    return 1
  end
  if not done then
    say(string.format('diagnostics still changing after %d ms; taking the latest', waited))
  end
  say(string.format('diagnostics for %d file(s) after %d ms', #buffers, waited))

  local lines = {}
  for _, b in ipairs(buffers) do
    for _, d in ipairs(vim.diagnostic.get(b.bufnr)) do
      local end_lnum = d.end_lnum or d.lnum
      local end_col = d.end_col or d.col
      table.insert(lines, vim.fn.json_encode({
        file = b.file,
        lnum = d.lnum,
        col = d.col,
        end_lnum = end_lnum,
        end_col = end_col,
        col_utf16 = utf16_col(b.bufnr, d.lnum, d.col),
        end_col_utf16 = utf16_col(b.bufnr, end_lnum, end_col),
        severity = d.severity,
        severity_name = SEVERITY_NAMES[d.severity] or tostring(d.severity),
        code = d.code,
        source = d.source,
        message = d.message,
      }))
    end
  end
  local text = table.concat(lines, '\n') .. (#lines > 0 and '\n' or '')
  if out_path then
    local f, err = io.open(out_path, 'w')
    if not f then
      say('cannot write ' .. out_path .. ': ' .. tostring(err))
      return 2
    end
    f:write(text)
    f:close()
  else
    io.stdout:write(text)
    io.stdout:flush()
  end

  -- Shut the server down the polite way (shutdown request, exit notification).
  vim.lsp.stop_client(client_id)
  if not vim.wait(3000, function() return server_exit ~= nil end, 20) then
    say('server did not exit within 3 s of shutdown; quitting anyway')
  end
  return 0
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, result = xpcall(run, debug.traceback)
    if not ok then
      say('error: ' .. tostring(result))
      quit(2)
    else
      quit(result)
    end
  end,
})
