--[[
  commitSession: compare-and-set write of one user's session, with a replay check.

  KEYS[1]  the session hash, cb:{u:<userId>}:session, fields ver, upd, data
  ARGV[1]  expected version (0: no session yet)
  ARGV[2]  the Telegram update id being applied (0: our own event, no replay check)
  ARGV[3]  the new session data (bytes)
  ARGV[4]  time to live in seconds, refreshed on every write

  Returns
    {1, newVersion}              committed
    {2, ver, upd, data}          replay: this update, or a later one, was applied already
    {3, ver, upd, data}          conflict: the stored version is not the expected one
    {3}                          conflict: nothing is stored, yet a version was expected

  Numbers are kept as the caller's decimal strings: Lua 5.1 would print large ones as 1e+15.
]]
local current = redis.call('HMGET', KEYS[1], 'ver', 'upd', 'data')
local ver = tonumber(current[1]) or 0
local upd = tonumber(current[2]) or 0
local updateId = tonumber(ARGV[2])

if updateId > 0 and upd >= updateId then
  return {2, ver, upd, current[3]}
end
if ver ~= tonumber(ARGV[1]) then
  if current[1] == false then
    return {3}
  end
  return {3, ver, upd, current[3]}
end

local newVersion = ver + 1
local newUpd = current[2] or '0'
if updateId > upd then
  newUpd = ARGV[2]
end
redis.call('HSET', KEYS[1], 'ver', string.format('%d', newVersion), 'upd', newUpd, 'data', ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[4])
return {1, newVersion}
