import { RedisScript } from './redis-script.js';

/**
 * Check both limits and take a slot, atomically.
 * KEYS: request-times zset, leases zset. ARGV: now, window ms, rpm limit (-1 = none),
 * concurrency limit (-1 = none), lease id, lease ttl ms, concurrency retry hint ms.
 * Returns {1} or {0, limit name, retry-after ms}.
 */
export const acquireSlotScript = new RedisScript(`
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local rpmLimit = tonumber(ARGV[3])
local concurrencyLimit = tonumber(ARGV[4])
local leaseTtl = tonumber(ARGV[6])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if concurrencyLimit >= 0 and redis.call('ZCARD', KEYS[2]) >= concurrencyLimit then
  return {0, 'concurrency', tonumber(ARGV[7])}
end
if rpmLimit >= 0 then
  local count = redis.call('ZCARD', KEYS[1])
  if count >= rpmLimit then
    local retry = window
    if rpmLimit > 0 then
      local leaving = redis.call('ZRANGE', KEYS[1], count - rpmLimit, count - rpmLimit, 'WITHSCORES')
      retry = tonumber(leaving[2]) + window - now
    end
    if retry < 1 then retry = 1 end
    return {0, 'rpm', retry}
  end
end
redis.call('ZADD', KEYS[1], now, ARGV[5])
redis.call('ZADD', KEYS[2], now + leaseTtl, ARGV[5])
redis.call('PEXPIRE', KEYS[1], window + 1000)
redis.call('PEXPIRE', KEYS[2], leaseTtl + 1000)
return {1}
`);

/**
 * Usage of several accounts in one round trip, reading only but for an optional cursor.
 * KEYS: per account request-times zset, leases zset, cooldown string; then, optionally, a cursor
 * counter to move on by one. ARGV: now, window ms, concurrency retry hint ms, then per account rpm
 * limit and concurrency limit (-1 = none).
 * Returns per account: rpm now, in flight, cooldown until (-1), retry-after ms (-1); then the cursor's new value.
 */
export const usageScript = new RedisScript(`
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local concurrencyRetry = tonumber(ARGV[3])
local result = {}
local accounts = math.floor(#KEYS / 3)
for index = 0, accounts - 1 do
  local timesKey = KEYS[index * 3 + 1]
  local leasesKey = KEYS[index * 3 + 2]
  local cooldownKey = KEYS[index * 3 + 3]
  local rpmLimit = tonumber(ARGV[4 + index * 2])
  local concurrencyLimit = tonumber(ARGV[5 + index * 2])
  local windowStart = '(' .. (now - window)
  local rpmNow = redis.call('ZCOUNT', timesKey, windowStart, '+inf')
  local inFlight = redis.call('ZCOUNT', leasesKey, '(' .. now, '+inf')
  local cooldown = tonumber(redis.call('GET', cooldownKey) or '-1')
  if cooldown <= now then cooldown = -1 end
  local retry = -1
  if concurrencyLimit >= 0 and inFlight >= concurrencyLimit then
    retry = concurrencyRetry
  elseif rpmLimit >= 0 and rpmNow >= rpmLimit then
    retry = window
    if rpmLimit > 0 then
      local leaving = redis.call('ZRANGEBYSCORE', timesKey, windowStart, '+inf', 'WITHSCORES', 'LIMIT', rpmNow - rpmLimit, 1)
      retry = tonumber(leaving[2]) + window - now
    end
    if retry < 1 then retry = 1 end
  end
  table.insert(result, rpmNow)
  table.insert(result, inFlight)
  table.insert(result, cooldown)
  table.insert(result, retry)
end
if #KEYS > accounts * 3 then
  table.insert(result, redis.call('INCR', KEYS[#KEYS]))
end
return result
`);

/** KEYS: leases zset. ARGV: lease id, new expiry, key ttl ms. Extends the lease only when still held. */
export const renewLeaseScript = new RedisScript(`
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('ZADD', KEYS[1], tonumber(ARGV[2]), ARGV[1])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
end
return 1
`);

/** KEYS: leases zset, consecutive-failure counter. ARGV: lease id. Frees the slot and resets the count (a success). */
export const releaseAfterSuccessScript = new RedisScript(`
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('DEL', KEYS[2])
return 1
`);

/** KEYS: a sticky mapping. ARGV: its new TTL in ms. Returns the mapped account and restarts the TTL, or nil. */
export const refreshStickyScript = new RedisScript(`
local found = redis.call('GET', KEYS[1])
if found then redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1])) end
return found
`);
