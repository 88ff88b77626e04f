--[[
  claimDue: lease the due reminders of one shard of the due index.

  KEYS[1]  pending, cb:{due:<n>}:pending, sorted set: member <userId>:<id>, score due epoch millis
  KEYS[2]  leased,  cb:{due:<n>}:leased,  sorted set: member <userId>:<id>, score lease end millis
  KEYS[3]  dues,    cb:{due:<n>}:dues,    hash: member -> due epoch millis, while leased
  ARGV[1]  now, epoch millis (the caller's clock, never Redis TIME, so tests can move time)
  ARGV[2]  the most reminders to claim, >= 1
  ARGV[3]  the new lease end, epoch millis (now + lease)

  First takes over leases that ended before now (their claimer died or its handler failed),
  then moves pending reminders due at or before now into leased, earliest first.

  Returns
    {member1, due1, member2, due2, ...}   flat; empty when nothing is due
]]
local max = tonumber(ARGV[2])
local leaseUntil = ARGV[3]
local out = {}

local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[1], 'LIMIT', 0, max)
for _, member in ipairs(expired) do
  redis.call('ZADD', KEYS[2], leaseUntil, member)
  out[#out + 1] = member
  out[#out + 1] = redis.call('HGET', KEYS[3], member) or ARGV[1]
end

local room = max - #expired
if room > 0 then
  local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, room)
  for i = 1, #due, 2 do
    local member, score = due[i], due[i + 1]
    redis.call('ZREM', KEYS[1], member)
    redis.call('ZADD', KEYS[2], leaseUntil, member)
    redis.call('HSET', KEYS[3], member, score)
    out[#out + 1] = member
    out[#out + 1] = score
  end
end
return out
